import { SubjectEntity } from '@hst/subjects';
import { RegistrationEntity } from './registration.entity';
import {
  Check,
  Column,
  JoinColumn,
  ManyToOne,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { DataRight, SourceType } from '../certificate-lookup';

/** A signed data-rights certificate (数据资产登记证书). The signed fields are frozen at issue. */
@Entity('certificates')
@Check('CHK_certificates_status', `"status" IN ('valid', 'revoked', 'transferred')`)
@Index('IDX_certificates_holder_id', ['holderId'])
@Index('UQ_certificates_one_valid_per_registration', ['registrationId'], { unique: true, where: `"status" = 'valid'` })
export class CertificateEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  certNo: string;

  @Column({ type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => RegistrationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'FK_certificates_registration_id' })
  registration?: RegistrationEntity;

  @Column({ type: 'uuid' })
  holderId: string;

  @ManyToOne(() => SubjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'holder_id', foreignKeyConstraintName: 'FK_certificates_holder_id' })
  holder?: SubjectEntity;

  @Column({ type: 'varchar', length: 200 })
  holderName: string;

  @Column({ type: 'char', length: 18 })
  holderUscc: string;

  @Column({ type: 'varchar', length: 200 })
  assetName: string;

  @Column({ type: 'text', array: true })
  rights: DataRight[];

  @Column({ type: 'char', length: 64 })
  contentDigest: string;

  @Column({ type: 'varchar', length: 100 })
  category: string;

  @Column({ type: 'varchar', length: 32 })
  sourceType: SourceType;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'timestamptz' })
  validUntil: Date;

  /** Stored status; 'expired' is derived from validUntil when read. */
  @Column({ type: 'varchar', length: 16 })
  status: 'valid' | 'revoked' | 'transferred';

  @Column({ type: 'varchar', length: 64 })
  keyId: string;

  /** Ed25519 over the RFC 8785 form of the signed fields, base64. */
  @Column({ type: 'text' })
  signature: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  successorCertNo: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  predecessorCertNo: string | null;

  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
