import { bigintFenTransformer, KEYSET_TIME_PRECISION } from '@hst/common';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TransferKind } from '../accounts';

/** An immutable movement of money from one account to another. Mistakes are corrected by a reversing transfer. */
@Entity('ledger_transfers')
@Check('CHK_ledger_transfers_amount', `"amount_fen" > 0`)
@Check('CHK_ledger_transfers_accounts', `"debit_account_id" <> "credit_account_id"`)
@Index('IDX_ledger_transfers_order_id', ['orderId'])
@Index('IDX_ledger_transfers_created_at', ['createdAt'])
export class LedgerTransferEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  debitAccountId: string;

  @Column({ type: 'varchar', length: 64 })
  creditAccountId: string;

  @Column({ type: 'bigint', transformer: bigintFenTransformer })
  amountFen: number;

  @Column({ type: 'varchar', length: 32 })
  kind: TransferKind;

  @Column({ type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  reference: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: KEYSET_TIME_PRECISION })
  createdAt: Date;
}
