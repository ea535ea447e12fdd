export * from './queue-names';
export * from './queue-config';
export * from './redis-connection';
export * from './redis.token';
export * from './redis.module';
export * from './queue.module';
export * from './redis.health';
export * from './job-schedules';
