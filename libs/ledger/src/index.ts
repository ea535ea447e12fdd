export * from './ledger.module';
export * from './accounts';
export * from './shard';
export * from './ledger-legs';
export * from './exceptions/ledger.exception';
export * from './services/ledger.service';
export * from './dto/ledger.dto';
export * from './services/ledger-reconciliation.service';
