import { Column, Entity, PrimaryColumn } from 'typeorm';

/** That one consumer has applied one event: written in the consumer's own transaction, so effects happen once. */
@Entity('outbox_deliveries')
export class OutboxDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  consumer: string;

  @PrimaryColumn({ type: 'bigint' })
  eventId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  deliveredAt: Date;
}
