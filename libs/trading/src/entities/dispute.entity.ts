import { bigintFenTransformer, KEYSET_TIME_PRECISION } from '@hst/common';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { DisputeStatus } from '../dispute-status';
import { OrderEntity } from './order.entity';

/**
 * A buyer's dispute (争议) of a delivered order, one per order: opened within the dispute window (the order
 * goes `disputed` and its settlement waits), resolved by an admin with the refund (the order settles the rest).
 */
@Entity('disputes')
@Check('CHK_disputes_status', `"status" IN ('open', 'resolved')`)
@Check('CHK_disputes_refund_fen', `"refund_fen" IS NULL OR "refund_fen" >= 0`)
@Check(
  'CHK_disputes_resolved',
  `("status" = 'open' AND "resolved_at" IS NULL AND "refund_fen" IS NULL) OR ("status" = 'resolved' AND "resolved_at" IS NOT NULL AND "refund_fen" IS NOT NULL)`,
)
@Index('UQ_disputes_order_id', ['orderId'], { unique: true })
@Index('IDX_disputes_opened_at_id', ['openedAt', 'id'])
export class DisputeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'FK_disputes_order_id' })
  order?: OrderEntity;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  @Column({ type: 'varchar', length: 16 })
  status: DisputeStatus;

  /** Set at resolution: what escrow returns to the buyer (0..amount). */
  @Column({ type: 'bigint', nullable: true, transformer: bigintFenTransformer })
  refundFen: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz', precision: KEYSET_TIME_PRECISION })
  openedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
