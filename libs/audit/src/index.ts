export * from './audit.module';
export * from './audit-hash';
export * from './services/audit.service';
export * from './services/audit-sequencer.service';
export * from './services/audit-verifier.service';
export * from './services/audit-query.service';
export * from './dto/audit-events.query';
export * from './dto/audit-event.response';
