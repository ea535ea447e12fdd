export * from './metrics.module';
export * from './metrics.service';
export * from './queue-metrics';
export * from './metrics.controller';
