import { bigintFenTransformer } from '@hst/common';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LedgerAccountEntity } from './ledger-account.entity';

/**
 * One shard of an account's balance, kept equal to the sum of its entries. Every account but the bank
 * has `non_negative`, and the CHECK makes an overdraft impossible whatever the code does.
 */
@Entity('ledger_balances')
@Check('CHK_ledger_balances_non_negative', `NOT "non_negative" OR "balance_fen" >= 0`)
export class LedgerBalanceEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  accountId: string;

  @ManyToOne(() => LedgerAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_ledger_balances_account_id' })
  account?: LedgerAccountEntity;

  @PrimaryColumn({ type: 'smallint' })
  shard: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintFenTransformer })
  balanceFen: number;

  @Column({ type: 'boolean' })
  nonNegative: boolean;
}
