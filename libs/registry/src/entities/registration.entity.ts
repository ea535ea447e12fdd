import { bigintFenTransformer, KEYSET_TIME_PRECISION } from '@hst/common';
import { SubjectEntity } from '@hst/subjects';
import {
  Check,
  Column,
  JoinColumn,
  ManyToOne,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { DataRight, SourceType } from '../certificate-lookup';
import type { Acquisition, RegistrationStatus, Sensitivity } from '../registration-status';

export type FieldSpec = { name: string; type: string; description: string; personal?: boolean };

/** A data resource registered for rights confirmation (数据登记), with its public-notice timer. */
@Entity('registrations')
@Check('CHK_registrations_status', `"status" IN ('submitted', 'in_notice', 'objected', 'registered', 'rejected')`)
@Check('CHK_registrations_sensitivity', `"sensitivity" IN ('general', 'important')`)
@Check(
  'CHK_registrations_source_type',
  `"source_type" IN ('enterprise', 'public', 'personal_deidentified', 'third_party')`,
)
@Check(
  'CHK_registrations_acquisition',
  `"acquisition" IN ('self_collected', 'self_produced', 'purchased', 'authorized')`,
)
@Check(
  'CHK_registrations_rights',
  `cardinality("rights_claimed") >= 1 AND "rights_claimed" <@ ARRAY['holding', 'processing', 'operation']::text[]`,
)
@Check('CHK_registrations_record_count', `"record_count" >= 0`)
@Check('CHK_registrations_content_digest', `"content_digest" ~ '^[0-9a-f]{64}$'`)
@Index('IDX_registrations_applicant_id', ['applicantId'])
@Index('IDX_registrations_status', ['status'])
@Index('IDX_registrations_notice_due', ['noticeEndsAt'], { where: `"status" = 'in_notice'` })
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicantId: string;

  @ManyToOne(() => SubjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_id', foreignKeyConstraintName: 'FK_registrations_applicant_id' })
  applicant?: SubjectEntity;

  @Column({ type: 'varchar', length: 200 })
  assetName: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 100 })
  category: string;

  @Column({ type: 'varchar', length: 32 })
  sourceType: SourceType;

  @Column({ type: 'varchar', length: 32 })
  acquisition: Acquisition;

  @Column({ type: 'text' })
  sourceStatement: string;

  @Column({ type: 'text', array: true })
  rightsClaimed: DataRight[];

  @Column({ type: 'char', length: 64 })
  contentDigest: string;

  @Column({ type: 'bigint' })
  recordCount: string;

  @Column({ type: 'jsonb' })
  fieldSchema: FieldSpec[];

  @Column({ type: 'varchar', length: 16 })
  sensitivity: Exclude<Sensitivity, 'core'>;

  @Column({ type: 'varchar', length: 16 })
  status: RegistrationStatus;

  /** When the notice ends; null before it starts and while an objection pauses it. */
  @Column({ type: 'timestamptz', nullable: true })
  noticeEndsAt: Date | null;

  /** The notice time left when an objection paused it, given back if the objection is dismissed. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintFenTransformer })
  noticeRemainingMs: number | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  certNo: string | null;

  @Column({ type: 'text', nullable: true })
  rejectReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: KEYSET_TIME_PRECISION })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
