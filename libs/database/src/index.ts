export * from './database.module';
export * from './typeorm-options';
export * from './migrate';
export * from './pg-errors';
export * from './due-sweep';
