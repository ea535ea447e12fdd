export * from './registry.module';
export * from './certificate-lookup';
