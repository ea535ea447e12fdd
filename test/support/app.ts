import { createApiApp } from '../../apps/api/src/http/configure-app';
import { validateEnv } from '@hst/common';
import { PlatformBootstrap } from '@hst/subjects';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

export type TestApi = { app: NestFastifyApplication; http: () => ReturnType<typeof request> };

/** The API exactly as main.ts builds it, on the run's database, with optional env overrides. */
export async function startApi(overrides: Record<string, string> = {}): Promise<TestApi> {
  const app = await createApiApp(validateEnv({ ...process.env, ...overrides }));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(PlatformBootstrap).ensurePlatformAdmin();
  return { app, http: () => request(app.getHttpServer()) };
}
