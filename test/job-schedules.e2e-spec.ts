import { QueueName, redisOptions } from '@hst/queue';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { isolatedDatabase, startWorker } from './support/app';
import { until } from './support/wait';
import { RedisServer } from './support/worker-process';

/**
 * A Redis restarted empty has lost the job schedulers (the outbox relay's, the sweeps'): the worker writes them
 * again as soon as its connection is back, not at the next periodic refresh (pushed out to an hour here).
 */
describe('Job schedulers after a Redis restart (e2e)', () => {
  let redis: RedisServer;
  let database: { url: string; drop: () => Promise<void> };
  let worker: NestFastifyApplication;
  let relay: Queue;

  beforeAll(async () => {
    redis = await RedisServer.create();
    await redis.start();
    database = await isolatedDatabase('job_schedules');
    worker = await startWorker({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      JOB_SCHEDULES_REFRESH_MS: '3600000',
    });
    relay = new Queue(QueueName.OutboxRelay, { connection: redisOptions(redis.url), prefix: process.env.REDIS_PREFIX });
  }, 60_000);

  afterAll(async () => {
    await worker?.close().catch(() => undefined);
    await relay?.close().catch(() => undefined);
    await redis?.kill('SIGKILL');
    await database?.drop();
  });

  const schedulers = async () => (await relay.getJobSchedulers()).map((s) => s.key);

  it('should have every schedule back within seconds of Redis returning empty', async () => {
    expect(await schedulers()).toEqual(['outbox-relay']);
    await redis.kill('SIGKILL');
    await redis.start(); // the same port, nothing kept
    await until(async () => (await schedulers().catch((): string[] => [])).includes('outbox-relay'), 15_000);
  }, 30_000);
});
