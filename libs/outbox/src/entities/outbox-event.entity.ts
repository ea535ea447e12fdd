import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A domain event written in the same transaction as the change it announces. The relay moves it to
 * BullMQ after commit; `publishedAt` says it was handed over (at least once), `dispatchedAt` that it was applied.
 */
@Entity('outbox_events')
@Index('IDX_outbox_events_aggregate', ['aggregateType', 'aggregateId', 'id'])
@Index('IDX_outbox_events_unpublished', ['id'], { where: '"published_at" IS NULL' })
@Index('IDX_outbox_events_undispatched', ['id'], { where: '"dispatched_at" IS NULL' })
export class OutboxEventEntity {
  @PrimaryColumn({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  type: string;

  @Column({ type: 'varchar', length: 50 })
  aggregateType: string;

  @Column({ type: 'varchar', length: 100 })
  aggregateId: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Every consumer subscribed to it has applied it; until then the redelivery sweep watches it. */
  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}
