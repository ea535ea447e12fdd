import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One line of the tamper-evident audit trail. Written unsequenced in the transaction of the change it
 * records; the sequencer later assigns `seq`, `prevHash` and `hash` (see docs/decisions/001-audit-chain.md).
 * A trigger refuses every other update and every delete.
 */
@Entity('audit_events')
@Index('IDX_audit_events_entity', ['entityType', 'entityId'])
@Index('IDX_audit_events_action', ['action'])
@Index('IDX_audit_events_actor_subject_id', ['actorSubjectId'])
@Index('IDX_audit_events_occurred_at', ['occurredAt'])
@Index('IDX_audit_events_unsequenced', ['arrival'], { where: '"seq" IS NULL' })
@Check(
  'CHK_audit_events_chain_fields',
  '("seq" IS NULL) = ("hash" IS NULL) AND ("seq" IS NULL) = ("prev_hash" IS NULL)',
)
export class AuditEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Order of arrival, the sequencer's input order; never exposed. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS', unique: false })
  arrival: string;

  @Index('UQ_audit_events_seq', { unique: true })
  @Column({ type: 'bigint', nullable: true })
  seq: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorSubjectId: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  actorRole: string | null;

  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Column({ type: 'varchar', length: 50 })
  entityType: string;

  @Column({ type: 'varchar', length: 100 })
  entityId: string;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ type: 'char', length: 64, nullable: true })
  prevHash: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  hash: string | null;
}
