import { LedgerService } from '@hst/ledger';
import { QUEUE_CONFIG, QueueName, redisOptions } from '@hst/queue';
import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
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

const N = 150;
const KILLS = 12;
/** Worker processes: while one restarts (1.5 s on an idle machine, several under load) the others work and die. */
const WORKERS = 3;
/** Short locks and stalled checks: a killed worker's jobs are back in `wait` within ~2 s. */
const WORKER_ENV = {
  QUEUE_LOCK_DURATION_MS: '1500',
  QUEUE_STALLED_INTERVAL_MS: '500',
  TIMER_SWEEP_INTERVAL_MS: '4000',
  JOB_SCHEDULES_REFRESH_MS: '2000',
  // A domain-event job that stalls twice (its worker killed twice) fails for good; PostgreSQL redelivers it.
  OUTBOX_REDELIVERY_AFTER_SECONDS: '5',
};

/**
 * Three real worker processes settle a stream of confirmed orders while, one after the other, they are
 * killed with SIGKILL and restarted. Right before each kill, Redis is paused for writes (CLIENT PAUSE
 * WRITE, on a redis-server of this file's own): the worker's settlement transactions under way commit in
 * PostgreSQL but their acknowledgements wait on Redis, so the kill falls between the ledger commit and the
 * job's acknowledgement whenever a job is active. BullMQ then redelivers those jobs; only the database can
 * make them no-ops.
 */
describe('Settlement: workers killed with SIGKILL mid-flight (e2e)', () => {
  let redis: RedisServer;
  let database: { url: string; drop: () => Promise<void> };
  let api: TestApi;
  let db: DataSource;
  let market: Market;
  let orderIds: string[];
  let queue: Queue;
  let probe: Redis;
  const workers: WorkerProcess[] = [];
  const prefix = process.env.REDIS_PREFIX!;
  const stats = { kills: 0, killsWithActiveJobs: 0, killsBetweenCommitAndAck: 0, jobsKilledAfterCommit: 0 };

  beforeAll(async () => {
    redis = await RedisServer.create();
    await redis.start();
    database = await isolatedDatabase('settlement_crash');
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, DISPUTE_WINDOW_SECONDS: '3600' };
    for (let i = 0; i < WORKERS; i++) workers.push(await WorkerProcess.create({ ...env, ...WORKER_ENV }));
    // The workers start while the orders are made, and work off the events of the making (payments,
    // licenses, deliveries) before the crashes begin: the confirmations then reach them at once.
    const starting = Promise.all(workers.map((w) => w.start()));
    starting.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    api = await startApi(env);
    db = api.app.get(DataSource);
    market = await settlementMarket(api);
    orderIds = await paidOrders(api, market, N);
    await starting;
    await untilOutboxDispatched(db, 30_000, redis.url);
    queue = new Queue(QueueName.Settlement, { connection: redisOptions(redis.url), prefix });
    probe = new Redis(redis.url);
  }, 90_000);

  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.kill('SIGKILL')));
    await probe?.call('CLIENT', 'UNPAUSE').catch(() => undefined);
    await queue?.close().catch(() => undefined);
    probe?.disconnect();
    await api?.app.close().catch(() => undefined);
    await redis?.kill('SIGKILL');
    await database?.drop();
  });

  const key = (...parts: string[]) => [prefix, QueueName.Settlement, ...parts].join(':');

  async function settledAmong(ids: string[]): Promise<Set<string>> {
    const rows = await db.query<{ id: string }[]>(`SELECT id FROM orders WHERE id = ANY($1) AND status = 'settled'`, [
      ids,
    ]);
    return new Set(rows.map((r) => r.id));
  }

  const counted = new Set<string>();

  /**
   * Pause Redis writes, let the transactions under way commit, SIGKILL the worker, then see which active
   * jobs had their order settled (committed) yet stayed active after Redis resumed (never acknowledged:
   * the living worker acknowledges its own at once, the dead one's wait for the stalled check).
   */
  async function killMidFlight(worker: WorkerProcess): Promise<void> {
    let jobs: { id: string; orderId?: string }[] = [];
    let committed = new Set<string>();
    await probe.call('CLIENT', 'PAUSE', '1000', 'WRITE');
    try {
      await sleep(150);
      await worker.kill('SIGKILL');
      // Plain reads only: BullMQ's Lua scripts count as writes and would wait for the pause.
      const ids = await probe.lrange(key('active'), 0, -1);
      jobs = await Promise.all(
        ids.map(async (id) => {
          const data = JSON.parse((await probe.hget(key(id), 'data')) ?? '{}') as { orderId?: string };
          return { id, orderId: data.orderId };
        }),
      );
      committed = await settledAmong(jobs.flatMap((j) => (j.orderId ? [j.orderId] : [])));
    } finally {
      await probe.call('CLIENT', 'UNPAUSE');
    }
    stats.kills += 1;
    if (jobs.length > 0) stats.killsWithActiveJobs += 1;
    await sleep(300);
    const stillActive = new Set(await probe.lrange(key('active'), 0, -1));
    const killedAfterCommit = jobs.filter(
      (j) => j.orderId && committed.has(j.orderId) && stillActive.has(j.id) && !counted.has(j.id),
    );
    killedAfterCommit.forEach((j) => counted.add(j.id));
    if (killedAfterCommit.length > 0) stats.killsBetweenCommitAndAck += 1;
    stats.jobsKilledAfterCommit += killedAfterCommit.length;
  }

  it('should settle every order exactly once however often the workers die, the ledger reconciling', async () => {
    const started = Date.now();
    const chunk = Math.ceil(N / (KILLS + 2));
    const restarting: Promise<void>[] = workers.map(() => Promise.resolve());
    let next = 0;
    for (let k = 0; k < KILLS; k++) {
      const i = k % WORKERS;
      await restarting[i];
      await confirmAll(api, market, orderIds.slice(next, next + chunk));
      next += chunk;
      await sleep(100 + Math.random() * 600);
      await killMidFlight(workers[i]);
      restarting[i] = workers[i].start();
      restarting[i].catch(() => undefined); // awaited before its next kill
    }
    await confirmAll(api, market, orderIds.slice(next));
    await Promise.all(restarting);
    const crashed = Date.now();
    await untilAllSettled(db, orderIds, 30_000);
    const drained = Date.now();
    // Redelivered jobs find the order settled; give them a moment to run before counting the ledger.
    await sleep(2500);

    await expectSettledExactlyOnce(
      db,
      api.app.get(LedgerService),
      orderIds,
      market.vendors.map((v) => v.subjectId),
    );
    const completed = await queue.getCompleted(0, -1);
    const noOps = completed.filter((j: Job) => 'orderId' in j.data && j.returnvalue === 'not_due').length;
    console.log(
      `settlement crash: ${N} orders, ${workers.reduce((n, w) => n + w.starts, 0)} worker starts, ` +
        `${JSON.stringify(stats)}, ${noOps} settle jobs redelivered as no-ops; ` +
        `crashes ${crashed - started} ms, then all settled in ${drained - crashed} ms`,
    );
    expect(stats.kills).toBeGreaterThanOrEqual(10);
    expect(stats.killsWithActiveJobs).toBeGreaterThanOrEqual(1);
    expect(stats.killsBetweenCommitAndAck).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('should keep Redis bounded: finished settlement jobs carry their trimming, the sets within the caps', async () => {
    const { removeOnComplete, removeOnFail } = QUEUE_CONFIG[QueueName.Settlement].jobOptions;
    const counts = await queue.getJobCounts('completed', 'failed');
    expect(counts.completed).toBeGreaterThan(0);
    expect(counts.completed).toBeLessThanOrEqual((removeOnComplete as { count: number }).count);
    expect(counts.failed).toBeLessThanOrEqual((removeOnFail as { count: number }).count);
    // The sweeps are removed on completion; every settle job that stays is trimmed by age and count.
    for (const job of await queue.getCompleted(0, -1)) {
      expect({ name: job.name, removeOnComplete: job.opts.removeOnComplete }).toEqual({
        name: 'settle',
        removeOnComplete,
      });
    }
    for (const job of await queue.getFailed(0, -1)) {
      expect(job.opts.removeOnFail).toEqual(job.name === 'settle' ? removeOnFail : 100);
    }
  });
});
