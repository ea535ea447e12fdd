import { bigintFenTransformer, KEYSET_TIME_PRECISION } from '@hst/common';
import { SubjectEntity } from '@hst/subjects';
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
import type { WithdrawalStatus } from '../withdrawal-status';

/**
 * A withdrawal (提现): the amount moves wallet → `withdrawal_hold` at the request (`held`), then the
 * payouts worker moves it hold → bank (`paid`) or, when the bank refuses, back to the wallet (`failed`).
 * Every transfer is keyed by the withdrawal id, so the release leaves the shard the hold filled.
 */
@Entity('withdrawals')
@Check('CHK_withdrawals_status', `"status" IN ('held', 'paid', 'failed')`)
@Check('CHK_withdrawals_amount_fen', `"amount_fen" > 0 AND "amount_fen" <= 10000000000000`)
@Check('CHK_withdrawals_completed', `("status" = 'held') = ("completed_at" IS NULL)`)
@Index('IDX_withdrawals_subject_id_created_at_id', ['subjectId', 'createdAt', 'id'])
@Index('IDX_withdrawals_held_created_at', ['createdAt'], { where: `"status" = 'held'` })
export class WithdrawalEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @ManyToOne(() => SubjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subject_id', foreignKeyConstraintName: 'FK_withdrawals_subject_id' })
  subject?: SubjectEntity;

  @Column({ type: 'bigint', transformer: bigintFenTransformer })
  amountFen: number;

  @Column({ type: 'varchar', length: 16 })
  status: WithdrawalStatus;

  /** wallet → withdrawal_hold. */
  @Column({ type: 'uuid' })
  holdTransferId: string;

  /** hold → bank (paid) or hold → wallet (failed). */
  @Column({ type: 'uuid', nullable: true })
  completionTransferId: string | null;

  /** The bank's payout reference, or why it refused. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  outcomeDetail: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: KEYSET_TIME_PRECISION })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
