import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The single row that holds the chain's last sequenced position; the sequencer locks it. */
@Entity('audit_chain_head')
@Check('CHK_audit_chain_head_single_row', '"id" = 1')
export class AuditChainHeadEntity {
  @PrimaryColumn('smallint')
  id: number;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
