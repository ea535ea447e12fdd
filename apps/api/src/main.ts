import 'reflect-metadata';
import { loadDotEnv, validateEnv } from '@hst/common';
import { prepareDatabase } from '@hst/database';
import { PlatformBootstrap } from '@hst/subjects';
import { createApiApp } from './http/configure-app';

async function main(): Promise<void> {
  loadDotEnv();
  const env = validateEnv(process.env);
  await prepareDatabase(env);
  const app = await createApiApp(env);
  await app.get(PlatformBootstrap).ensurePlatformAdmin();
  await app.listen(env.PORT, '0.0.0.0');
  const base = `http://localhost:${env.PORT}`;
  console.log(`汉数通 API ready: ${base}/api/v1  docs: ${base}/api/docs  health: ${base}/api/v1/health`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
