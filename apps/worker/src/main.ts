import 'reflect-metadata';
import { loadDotEnv, validateEnv } from '@hst/common';
import { prepareDatabase } from '@hst/database';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  loadDotEnv();
  const env = validateEnv(process.env);
  await prepareDatabase(env);
  const app = await NestFactory.create<NestFastifyApplication>(WorkerModule.forRoot(env), new FastifyAdapter(), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.listen(env.WORKER_PORT, '0.0.0.0');
  console.log(
    `汉数通 worker ready: health http://localhost:${env.WORKER_PORT}/health  metrics http://localhost:${env.WORKER_PORT}/metrics`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
