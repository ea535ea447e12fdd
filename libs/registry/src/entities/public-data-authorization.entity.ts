import { KEYSET_TIME_PRECISION } from '@hst/common';
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

/** An overall authorization (整体授权) of an operator over public-data domains. */
@Entity('public_data_authorizations')
@Check('CHK_public_data_authorizations_status', `"status" IN ('active', 'revoked')`)
@Check('CHK_public_data_authorizations_share', `"authority_share_bps" BETWEEN 0 AND 10000`)
@Check('CHK_public_data_authorizations_period', `"valid_until" > "valid_from"`)
@Check('CHK_public_data_authorizations_domains', `cardinality("domains") >= 1`)
@Index('IDX_public_data_authorizations_operator_id', ['operatorId'])
export class PublicDataAuthorizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  operatorId: string;

  @ManyToOne(() => SubjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'operator_id', foreignKeyConstraintName: 'FK_public_data_authorizations_operator_id' })
  operator?: SubjectEntity;

  @Column({ type: 'text', array: true })
  domains: string[];

  @Column({ type: 'text' })
  scope: string;

  @Column({ type: 'timestamptz' })
  validFrom: Date;

  @Column({ type: 'timestamptz' })
  validUntil: Date;

  @Column({ type: 'integer' })
  authorityShareBps: number;

  @Column({ type: 'varchar', length: 16 })
  status: 'active' | 'revoked';

  @Column({ type: 'text', nullable: true })
  revokeReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: KEYSET_TIME_PRECISION })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
