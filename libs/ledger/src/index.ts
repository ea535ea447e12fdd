export * from './ledger.module';
export * from './accounts';
export * from './shard';
export * from './ledger-legs';
export * from './exceptions/ledger.exception';
export * from './services/ledger.service';
