import { DomainError, ErrorKind } from '@hst/common';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DomainEvent, DomainEventConsumer } from '../domain-event';
import { RELAY_LOCK_KEY } from '../relay-lock';

export class EventOutOfOrderError extends DomainError {
  constructor(consumer: string, eventId: string) {
    super(
      ErrorKind.Conflict,
      'event_out_of_order',
      `${consumer}: an earlier event of event ${eventId}'s aggregate is not applied yet`,
    );
  }
}

type EventRow = {
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
};

/**
 * Applies one relayed event to every consumer that subscribes to it, each in its own transaction with
 * its delivery record: a redelivered event is skipped by the consumers that already applied it, and an
 * event whose aggregate has an earlier event still unapplied waits (the job retries).
 */
@Injectable()
export class DomainEventDispatcher {
  private readonly logger = new Logger(DomainEventDispatcher.name);
  private readonly consumers = new Map<string, { consumer: DomainEventConsumer; since: string }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Registers a consumer; on its first registration its history starts at the oldest unrelayed event. */
  async register(consumer: DomainEventConsumer): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [RELAY_LOCK_KEY]); // no relay batch in between
      await manager.query(
        `INSERT INTO outbox_consumers (name, since_event_id, event_types)
         SELECT $1, COALESCE(MIN(id) FILTER (WHERE published_at IS NULL), MAX(id) + 1, 1), $2 FROM outbox_events
         ON CONFLICT (name) DO UPDATE SET event_types = EXCLUDED.event_types`,
        [consumer.name, consumer.eventTypes],
      );
    });
    const [row] = await this.dataSource.query<{ since_event_id: string }[]>(
      'SELECT since_event_id FROM outbox_consumers WHERE name = $1',
      [consumer.name],
    );
    this.consumers.set(consumer.name, { consumer, since: row.since_event_id });
  }

  async dispatch(eventId: string): Promise<void> {
    const [row] = await this.dataSource.query<EventRow[]>(
      'SELECT id, type, aggregate_type, aggregate_id, payload, occurred_at FROM outbox_events WHERE id = $1',
      [eventId],
    );
    if (!row) {
      this.logger.warn(`event ${eventId} is not in the outbox any more; nothing to do`);
      return;
    }
    const event: DomainEvent = {
      id: row.id,
      type: row.type,
      aggregateType: row.aggregate_type,
      aggregateId: row.aggregate_id,
      payload: row.payload,
      occurredAt: row.occurred_at,
    };
    for (const { consumer, since } of this.consumers.values()) {
      if (consumer.eventTypes.includes(event.type) && BigInt(event.id) >= BigInt(since)) {
        await this.deliver(consumer, since, event);
      }
    }
    await this.dataSource.query(
      'UPDATE outbox_events SET dispatched_at = now() WHERE id = $1 AND dispatched_at IS NULL',
      [event.id],
    );
  }

  private deliver(consumer: DomainEventConsumer, since: string, event: DomainEvent): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO outbox_deliveries (consumer, event_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumer.name, event.id],
      );
      if (inserted.length === 0) return; // applied before: at-least-once delivery, exactly-once effect
      const earlier = await manager.query<unknown[]>(
        `SELECT 1 FROM outbox_events o
          WHERE o.aggregate_type = $1 AND o.aggregate_id = $2 AND o.id < $3 AND o.id >= $4 AND o.type = ANY($5)
            AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.consumer = $6 AND d.event_id = o.id)
          LIMIT 1`,
        [event.aggregateType, event.aggregateId, event.id, since, consumer.eventTypes, consumer.name],
      );
      if (earlier.length > 0) throw new EventOutOfOrderError(consumer.name, event.id);
      await consumer.handle(event, manager);
    });
  }
}
