import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RELAY_LOCK_KEY } from '../relay-lock';
import { DomainEventQueue } from './domain-event-queue.service';

const BATCH_SIZE = 500;

/**
 * Moves committed outbox rows to BullMQ in id order. A batch is marked published in the transaction
 * that read it, after the enqueue: a crash in between leaves the rows unpublished and they are sent
 * again (at least once); consumers deduplicate. Redis being down fails the batch and delays delivery.
 */
@Injectable()
export class OutboxRelay {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: DomainEventQueue,
  ) {}

  /**
   * Redelivers events relayed more than `olderThanSeconds` ago and still not applied: PostgreSQL, not
   * Redis, decides what is outstanding, so a Redis that lost its jobs loses no event.
   */
  async redeliverStale(olderThanSeconds: number): Promise<number> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM outbox_events
        WHERE dispatched_at IS NULL AND published_at < now() - make_interval(secs => $1)
        ORDER BY id LIMIT $2`,
      [olderThanSeconds, BATCH_SIZE],
    );
    await this.queue.redeliver(rows.map((r) => r.id));
    return rows.length;
  }

  /** Relays everything pending; returns the number of events handed over. */
  async relayPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const relayed = await this.relayBatch();
      total += relayed;
      if (relayed < BATCH_SIZE) return total;
    }
  }

  private relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query<{ ok: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS ok', [
        RELAY_LOCK_KEY,
      ]);
      if (!lock?.ok) return 0; // another relay is at work
      const rows = await manager.query<{ id: string; type: string }[]>(
        'SELECT id, type FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT $1',
        [BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      // A consumer row without types (registered before subscriptions were recorded) may want anything.
      const [subscribed] = await manager.query<{ unknown: boolean; types: string[] | null }[]>(
        `SELECT COALESCE(bool_or(cardinality(event_types) = 0), false) AS unknown,
                (SELECT array_agg(DISTINCT t) FROM outbox_consumers, unnest(event_types) AS t) AS types
           FROM outbox_consumers`,
      );
      const wanted = new Set(subscribed?.unknown ? rows.map((r) => r.type) : (subscribed?.types ?? []));
      const ids = rows.map((r) => r.id);
      await this.queue.enqueue(rows.filter((r) => wanted.has(r.type)).map((r) => r.id));
      // An event no consumer subscribes to is published and dispatched at once: nothing to hand over. A
      // handed-over one may already be dispatched (a worker took its job before this commit): kept so.
      await manager.query(
        `UPDATE outbox_events
            SET published_at = now(), dispatched_at = CASE WHEN type = ANY($2::text[]) THEN dispatched_at ELSE now() END
          WHERE id = ANY($1::bigint[])`,
        [ids, [...wanted]],
      );
      return ids.length;
    });
  }
}
