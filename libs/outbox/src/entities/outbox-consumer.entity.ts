import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A consumer's history starts at its registration: events before `sinceEventId` are not its concern. */
@Entity('outbox_consumers')
export class OutboxConsumerEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'bigint' })
  sinceEventId: string;

  /** What it subscribes to: the relay hands BullMQ only events that some consumer wants. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  eventTypes: string[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  registeredAt: Date;
}
