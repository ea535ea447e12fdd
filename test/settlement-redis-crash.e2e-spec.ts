import { LedgerService } from '@hst/ledger';
import { QueueName, redisOptions } from '@hst/queue';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { isolatedDatabase, startApi, TestApi } from './support/app';
import {
  confirmAll,
  expectSettledExactlyOnce,
  Market,
  paidOrders,
  settlementMarket,
  untilAllSettled,
  untilOutboxDispatched,
} from './support/settlement-fixtures';
import { RedisServer, WorkerProcess } from './support/worker-process';
import { sleep } from './support/wait';

const N = 80;
const CHUNK = 10;
const WORKER_ENV = {
  QUEUE_LOCK_DURATION_MS: '1500',
  QUEUE_STALLED_INTERVAL_MS: '500',
  TIMER_SWEEP_INTERVAL_MS: '1000',
  // A Redis restarted empty has lost the job schedulers too (the sweep's, the outbox relay's).
  JOB_SCHEDULES_REFRESH_MS: '1000',
  OUTBOX_REDELIVERY_AFTER_SECONDS: '2',
};

/**
 * Redis dies (SIGKILL) while the worker settles a stream of confirmed orders, and comes back empty on the
 * same port: every delayed, waiting and active job is gone, the job schedulers with them. PostgreSQL still
 * knows which orders are due: none may be lost, none doubled.
 */
describe('Settlement: Redis killed and restarted empty under load (e2e)', () => {
  let redis: RedisServer;
  let database: { url: string; drop: () => Promise<void> };
  let api: TestApi;
  let db: DataSource;
  let market: Market;
  let orderIds: string[];
  let worker: WorkerProcess;
  let queue: Queue;

  beforeAll(async () => {
    redis = await RedisServer.create();
    await redis.start();
    database = await isolatedDatabase('settlement_redis_crash');
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, DISPUTE_WINDOW_SECONDS: '3600' };
    worker = await WorkerProcess.create({ ...env, ...WORKER_ENV });
    const starting = worker.start();
    starting.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    api = await startApi(env);
    db = api.app.get(DataSource);
    market = await settlementMarket(api);
    orderIds = await paidOrders(api, market, N);
    await starting;
    await untilOutboxDispatched(db, 30_000, redis.url);
    queue = new Queue(QueueName.Settlement, { connection: redisOptions(redis.url), prefix: process.env.REDIS_PREFIX });
  }, 90_000);

  afterAll(async () => {
    await worker?.kill('SIGKILL');
    await queue?.close().catch(() => undefined);
    await api?.app.close().catch(() => undefined);
    await redis?.kill('SIGKILL');
    await database?.drop();
  });

  const confirmedUnsettled = async () =>
    Number(
      (
        await db.query<{ count: string }[]>(
          `SELECT count(*) FROM orders WHERE id = ANY($1) AND status = 'delivered' AND confirmed_at IS NOT NULL`,
          [orderIds],
        )
      )[0].count,
    );

  const delayedSettleJobs = async () => (await queue.getDelayed(0, -1)).filter((j) => j.name === 'settle').length;

  it('should settle every order exactly once across the loss of every job', async () => {
    const started = Date.now();
    const chunks = Array.from({ length: N / CHUNK }, (_, i) => orderIds.slice(i * CHUNK, (i + 1) * CHUNK));
    // Every paid order has its delayed job (the end of its dispute window) in Redis.
    expect(await delayedSettleJobs()).toBe(N);
    for (const chunk of chunks.slice(0, 3)) {
      await confirmAll(api, market, chunk);
      await sleep(300);
    }
    await confirmAll(api, market, chunks[3]);
    await redis.kill('SIGKILL');
    // Confirmed just before: their events, jobs or settlements were under way when Redis died.
    const inFlightAtKill = await confirmedUnsettled();
    // Confirmations go on while Redis is down: their events wait in the outbox.
    await confirmAll(api, market, chunks[4]);
    await sleep(1000);
    await confirmAll(api, market, chunks[5]);
    const dueAtRestart = await confirmedUnsettled();
    await redis.start();
    expect(await delayedSettleJobs()).toBe(0); // empty: the jobs are lost
    for (const chunk of chunks.slice(6)) {
      await confirmAll(api, market, chunk);
      await sleep(300);
    }
    await untilAllSettled(db, orderIds, 45_000);
    const settledIn = Date.now() - started;
    await sleep(2000); // redelivered events and late jobs find the orders settled

    expect(worker.running).toBe(true); // the worker rode out the outage: it was never restarted
    expect(worker.starts).toBe(1);
    expect(dueAtRestart).toBeGreaterThanOrEqual(2 * CHUNK);
    await expectSettledExactlyOnce(
      db,
      api.app.get(LedgerService),
      orderIds,
      market.vendors.map((v) => v.subjectId),
    );
    // The schedulers are back without a restart.
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toContain('settlement-sweep');
    console.log(
      `redis crash: ${N} orders, ${inFlightAtKill} confirmed but unsettled at the kill, ${dueAtRestart} at the restart, all settled in ${settledIn} ms`,
    );
  }, 120_000);
});
