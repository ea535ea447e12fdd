import { KEYSET_TIME_PRECISION } from '@hst/common';
import type { Role } from '@hst/common';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SubjectKind, SubjectStatus } from '../subject-status';

/** A market subject (市场主体): an organisation that trades on the exchange. */
@Entity('subjects')
@Check('CHK_subjects_status', `"status" IN ('pending', 'active', 'rejected', 'suspended')`)
@Check('CHK_subjects_kind', `"kind" IN ('enterprise', 'institution', 'government', 'individual_business')`)
@Check('CHK_subjects_roles', `cardinality("roles") >= 1`)
@Index('IDX_subjects_status', ['status'])
export class SubjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Index('UQ_subjects_uscc', { unique: true })
  @Column({ type: 'char', length: 18 })
  uscc: string;

  @Column({ type: 'varchar', length: 32 })
  kind: SubjectKind;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'varchar', length: 16 })
  status: SubjectStatus;

  @Column({ type: 'varchar', length: 100, nullable: true })
  district: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  legalRepresentative: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  payoutAccount: string | null;

  /** Why the subject was last rejected or suspended. */
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  /** The platform's own subject, created at bootstrap. */
  @Column({ type: 'boolean', default: false })
  isPlatform: boolean;

  @CreateDateColumn({ type: 'timestamptz', precision: KEYSET_TIME_PRECISION })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
