import { bigintFenTransformer } from '@hst/common';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LedgerTransferEntity } from './ledger-transfer.entity';

/** One leg of a transfer: −amount on the debited shard, +amount on the credited one. */
@Entity('ledger_entries')
@Index('IDX_ledger_entries_account_id_id', ['accountId', 'id'])
@Index('IDX_ledger_entries_transfer_id', ['transferId'])
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  transferId: string;

  @ManyToOne(() => LedgerTransferEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'transfer_id', foreignKeyConstraintName: 'FK_ledger_entries_transfer_id' })
  transfer?: LedgerTransferEntity;

  @Column({ type: 'varchar', length: 64 })
  accountId: string;

  @Column({ type: 'smallint' })
  shard: number;

  @Column({ type: 'bigint', transformer: bigintFenTransformer })
  amountFen: number;

  /** The shard's balance after this entry: for a wallet (one shard), the wallet's balance. */
  @Column({ type: 'bigint', transformer: bigintFenTransformer })
  balanceAfterFen: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
