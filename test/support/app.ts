import { createApiApp } from '../../apps/api/src/http/configure-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { validateEnv } from '@hst/common';
import { dropDatabase, ensureDatabase, runMigrations } from '@hst/database';
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

/**
 * A database of this test file's own, migrated, for tests that break invariants on purpose (tampering)
 * and must not be seen by the other files' invariant checks. Drop it in afterAll.
 */
export async function isolatedDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_${name}`;
  await ensureDatabase(url.toString());
  await runMigrations(url.toString());
  return { url: url.toString(), drop: () => dropDatabase(url.toString()) };
}
