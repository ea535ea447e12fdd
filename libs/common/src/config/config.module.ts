import { DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { Env } from './env';

/**
 * Global configuration from an Env validated before the app is built (main.ts validates process.env;
 * tests validate it with their overrides). Read it with ConfigService<Env, true>.get(key, { infer: true }).
 */
export function configModule(env: Env): Promise<DynamicModule> {
  return ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    skipProcessEnv: true,
    load: [() => ({ ...env })],
  });
}

/** Reads ./.env into process.env when the file exists (variables already set win). */
export function loadDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
