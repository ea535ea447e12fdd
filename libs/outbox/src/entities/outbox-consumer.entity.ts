import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A consumer's history starts at its registration: events before `sinceEventId` are not its concern. */
@Entity('outbox_consumers')
export class OutboxConsumerEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'bigint' })
  sinceEventId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  registeredAt: Date;
}
