import { SubjectEntity } from '@hst/subjects';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * An Idempotency-Key of a money-moving request, scoped to the caller's subject: claimed (`in_flight`)
 * in its own short transaction, completed in the same transaction as the money movement (2xx) or just
 * after its rollback (4xx). `token` names the claim, so a claim taken over after its lease cannot
 * complete. `response_body` is `json` (not `jsonb`) so a replay is byte-for-byte the first answer.
 */
@Entity('idempotency_keys')
@Check('CHK_idempotency_keys_state', `"state" IN ('in_flight', 'completed')`)
@Index('IDX_idempotency_keys_created_at', ['createdAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  subjectId: string;

  @ManyToOne(() => SubjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subject_id', foreignKeyConstraintName: 'FK_idempotency_keys_subject_id' })
  subject?: SubjectEntity;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  key: string;

  /** sha256 hex of the canonical JSON of { method, path, body }. */
  @Column({ type: 'char', length: 64 })
  fingerprint: string;

  @Column({ type: 'varchar', length: 16 })
  state: 'in_flight' | 'completed';

  @Column({ type: 'uuid' })
  token: string;

  @Column({ type: 'timestamptz' })
  claimedAt: Date;

  /** The HTTP status of a stored success; null for a stored refusal (its `kind` says which 4xx). */
  @Column({ type: 'smallint', nullable: true })
  responseStatus: number | null;

  /** The stored outcome: `{ ok: true, body }` or `{ ok: false, kind, code, message }`. */
  @Column({ type: 'json', nullable: true })
  responseBody: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
