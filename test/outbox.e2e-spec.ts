import {
  DomainEvent,
  DomainEventJob,
  DomainEventConsumer,
  DomainEventDispatcher,
  DomainEventQueue,
  domainEventJobId,
  EventOutOfOrderError,
  OutboxRelay,
} from '@hst/outbox';
import { QueueName } from '@hst/queue';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { adminToken, registerSubject } from './support/factories';
import { startApi, startWorker, TestApi } from './support/app';
import { until } from './support/wait';

/** A consumer whose effect is a row per application, with no unique key: a double delivery would show. */
const effects: DomainEventConsumer = {
  name: 'test-outbox-effects',
  eventTypes: ['subject.registered', 'subject.approved', 'subject.suspended'],
  async handle(event: DomainEvent, manager: EntityManager) {
    await manager.query('INSERT INTO test_outbox_effects (event_id, aggregate_id, type) VALUES ($1, $2, $3)', [
      event.id,
      event.aggregateId,
      event.type,
    ]);
  },
};

/** A relay whose process dies right after BullMQ accepted the batch, before the outbox rows are marked. */
class CrashAfterEnqueue extends DomainEventQueue {
  override async enqueue(eventIds: string[]): Promise<void> {
    await super.enqueue(eventIds);
    throw new Error('simulated crash between enqueue and commit');
  }
}

/** A relay whose batch commits only after the worker has applied the events it handed over (a slow relay). */
class CommitAfterDispatch extends DomainEventQueue {
  constructor(
    queue: Queue<DomainEventJob>,
    private readonly dispatched: (eventIds: string[]) => Promise<boolean>,
  ) {
    super(queue);
  }

  override async enqueue(eventIds: string[]): Promise<void> {
    await super.enqueue(eventIds);
    await until(() => this.dispatched(eventIds));
  }
}

describe('Transactional outbox (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi();
    admin = await adminToken(api);
    db = api.app.get(DataSource);
    await db.query(
      'CREATE TABLE IF NOT EXISTS test_outbox_effects (position bigserial, event_id bigint, aggregate_id text, type text)',
    );
  });
  afterAll(() => api.app.close());

  /** Registers, approves and suspends subjects: three events per aggregate. */
  async function makeChanges(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const s = await registerSubject(api, { approveWith: admin });
      await api
        .http()
        .post(`/api/v1/subjects/${s.subjectId}/suspend`)
        .auth(admin, { type: 'bearer' })
        .send({ reason: 'r' })
        .expect(200);
      ids.push(s.subjectId);
    }
    return ids;
  }

  async function eventsOf(ids: string[]) {
    return db.query<{ id: string; aggregate_id: string; published_at: Date | null; dispatched_at: Date | null }[]>(
      `SELECT id, aggregate_id, published_at, dispatched_at FROM outbox_events WHERE aggregate_type = 'subject' AND aggregate_id = ANY($1) ORDER BY id`,
      [ids],
    );
  }

  async function effectsOf(ids: string[]) {
    return db.query<{ event_id: string; aggregate_id: string; type: string }[]>(
      'SELECT event_id, aggregate_id, type FROM test_outbox_effects WHERE aggregate_id = ANY($1) ORDER BY position',
      [ids],
    );
  }

  describe('with the relay driven by hand', () => {
    let worker: NestFastifyApplication;
    beforeAll(async () => {
      // The scheduled relay is pushed out of the way so the test decides when relaying happens.
      worker = await startWorker({ OUTBOX_RELAY_INTERVAL_MS: '3600000' });
      await worker.get(DomainEventDispatcher).register(effects);
    });
    afterAll(() => worker.close());

    it('should deliver every event exactly once to a consumer’s effect after a crash between enqueue and commit', async () => {
      const ids = await makeChanges(5);
      const events = await eventsOf(ids);
      expect(events).toHaveLength(15);

      const crashing = new OutboxRelay(
        db,
        new CrashAfterEnqueue(worker.get<Queue>(getQueueToken(QueueName.DomainEvents))),
      );
      await expect(crashing.relayPending()).rejects.toThrow('simulated crash');
      expect((await eventsOf(ids)).every((e) => e.published_at === null)).toBe(true);

      // The jobs that did reach Redis are applied...
      await until(async () => (await effectsOf(ids)).length === 15);
      // ...and are gone from Redis before the relay sends the same rows again, so jobId cannot deduplicate.
      const queue = worker.get<Queue>(getQueueToken(QueueName.DomainEvents));
      await queue.clean(0, 100_000, 'completed');

      await worker.get(OutboxRelay).relayPending();
      expect((await eventsOf(ids)).every((e) => e.published_at !== null)).toBe(true);
      await until(async () => (await queue.getJobCounts('waiting', 'active', 'delayed')).waiting === 0);
      await until(async () => {
        const c = await queue.getJobCounts('waiting', 'active', 'delayed');
        return c.waiting + c.active + c.delayed === 0;
      });

      const applied = await effectsOf(ids);
      expect(applied.map((e) => e.event_id).sort()).toEqual(events.map((e) => e.id).sort());
      for (const id of ids) {
        expect(applied.filter((e) => e.aggregate_id === id).map((e) => e.type)).toEqual([
          'subject.registered',
          'subject.approved',
          'subject.suspended',
        ]);
      }
    });

    it('should keep an event dispatched that the worker applied before the relay batch committed', async () => {
      const ids = await makeChanges(1);
      const dispatched = async (eventIds: string[]) => {
        const rows = await db.query<unknown[]>(
          'SELECT 1 FROM outbox_events WHERE id = ANY($1) AND dispatched_at IS NOT NULL',
          [eventIds],
        );
        return rows.length === eventIds.length;
      };
      const slow = new OutboxRelay(
        db,
        new CommitAfterDispatch(worker.get<Queue>(getQueueToken(QueueName.DomainEvents)), dispatched),
      );
      await slow.relayPending();
      const events = await eventsOf(ids);
      expect(events.map((e) => ({ published: !!e.published_at, dispatched: !!e.dispatched_at }))).toEqual(
        events.map(() => ({ published: true, dispatched: true })),
      );
      expect(await effectsOf(ids)).toHaveLength(3);
    });

    it('should keep events when Redis is unreachable, and deliver them once it answers', async () => {
      const ids = await makeChanges(1);
      const unreachable = new Queue<DomainEventJob>(QueueName.DomainEvents, {
        connection: {
          host: '127.0.0.1',
          port: 1,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          retryStrategy: () => null,
        },
      });
      unreachable.on('error', () => undefined);
      try {
        await expect(new OutboxRelay(db, new DomainEventQueue(unreachable)).relayPending()).rejects.toThrow();
      } finally {
        await unreachable.close().catch(() => undefined);
      }
      expect((await eventsOf(ids)).every((e) => e.published_at === null)).toBe(true);
      await worker.get(OutboxRelay).relayPending();
      await until(async () => (await effectsOf(ids)).length === 3);
    });

    it('should redeliver relayed events whose jobs Redis lost', async () => {
      const queue = worker.get<Queue>(getQueueToken(QueueName.DomainEvents));
      const ids = await makeChanges(1);
      await queue.pause();
      try {
        await worker.get(OutboxRelay).relayPending();
        const events = await eventsOf(ids);
        expect(events.every((e) => e.published_at !== null)).toBe(true);
        for (const e of events) await queue.remove(domainEventJobId(e.id)); // what a Redis restart without persistence does
      } finally {
        await queue.resume();
      }
      expect(await effectsOf(ids)).toHaveLength(0);
      await worker.get(OutboxRelay).redeliverStale(0);
      await until(async () => (await effectsOf(ids)).length === 3);
      await until(async () => (await eventsOf(ids)).every((e) => e.dispatched_at !== null));
    });

    it('should publish and dispatch at once, without a job, an event no consumer subscribes to', async () => {
      const queue = worker.get<Queue>(getQueueToken(QueueName.DomainEvents));
      const [id] = await makeChanges(1);
      await api.http().post(`/api/v1/subjects/${id}/reinstate`).auth(admin, { type: 'bearer' }).expect(200);
      await worker.get(OutboxRelay).relayPending();
      const [reinstated] = await db.query<{ id: string; published_at: Date | null; dispatched_at: Date | null }[]>(
        `SELECT id, published_at, dispatched_at FROM outbox_events WHERE aggregate_id = $1 AND type = 'subject.reinstated'`,
        [id],
      );
      expect(reinstated).toMatchObject({ published_at: expect.any(Date), dispatched_at: expect.any(Date) });
      expect(await queue.getJob(domainEventJobId(reinstated.id))).toBeUndefined();
      await until(async () => (await effectsOf([id])).length === 3); // the subscribed ones still arrive
    });

    it('should hold back an event whose aggregate has an earlier event not applied yet', async () => {
      const [id] = await makeChanges(1);
      const [registered, approved] = await eventsOf([id]);
      const dispatcher = worker.get(DomainEventDispatcher);
      await expect(dispatcher.dispatch(approved.id)).rejects.toBeInstanceOf(EventOutOfOrderError);
      await dispatcher.dispatch(registered.id);
      await dispatcher.dispatch(approved.id);
      await dispatcher.dispatch(approved.id); // a duplicate is a no-op
      expect((await effectsOf([id])).map((e) => e.type)).toEqual(['subject.registered', 'subject.approved']);
    });
  });

  describe('with the worker’s scheduled relay', () => {
    let worker: NestFastifyApplication;
    beforeAll(async () => {
      worker = await startWorker();
      await worker.get(DomainEventDispatcher).register(effects);
    });
    afterAll(() => worker.close());

    it('should relay committed events on its own and sequence the audit trail', async () => {
      const ids = await makeChanges(2);
      await until(async () => (await effectsOf(ids)).length === 6);
      await until(async () => {
        const [row] = await db.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM audit_events WHERE entity_id = ANY($1) AND seq IS NULL',
          [ids],
        );
        return row.n === 0;
      });
    });
  });
});
