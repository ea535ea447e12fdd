import { createApiApp } from '../../apps/api/src/http/configure-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { validateEnv } from '@hst/common';
import { PlatformBootstrap } from '@hst/subjects';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
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

/** The worker exactly as its main.ts builds it (processors and schedules running), without listening. */
export async function startWorker(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    WorkerModule.forRoot(validateEnv({ ...process.env, ...overrides })),
    new FastifyAdapter(),
    { logger: false },
  );
  await app.init();
  return app;
}
