export * from './licensing.module';
