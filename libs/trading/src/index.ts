export * from './trading.module';
