import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An account of the double-entry ledger: a wallet per subject, or a system account. */
@Entity('ledger_accounts')
export class LedgerAccountEntity {
  /** 'wallet:<subjectId>' or a system account's name. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'smallint' })
  shards: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
