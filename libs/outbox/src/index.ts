export * from './outbox.module';
export * from './domain-event';
export * from './jobs/domain-event.job';
export * from './services/outbox.service';
export * from './services/outbox-relay.service';
export * from './services/domain-event-queue.service';
export * from './services/domain-event-dispatcher.service';
