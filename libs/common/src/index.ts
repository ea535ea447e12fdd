export * from './config/env';
export * from './config/config.module';
export * from './errors/domain.error';
export * from './state-machine/state-machine';
export * from './pagination/cursor';
export * from './canonical-json';
export * from './actor';
export * from './http/public.decorator';
