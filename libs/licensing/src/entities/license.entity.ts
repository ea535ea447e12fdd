import { KEYSET_TIME_PRECISION } from '@hst/common';
import { ProductEntity, ProductPolicy } from '@hst/catalog';
import { SubjectEntity } from '@hst/subjects';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { StoredLicenseStatus } from '../license-status';
import { LicenseApplicationEntity } from './license-application.entity';

/**
 * A license (授权许可) issued when its order is paid. `expired` is not stored: it is derived from
 * `validUntil` when read. `orderId` names trading's order (no foreign key, as on the application).
 */
@Entity('licenses')
@Check('CHK_licenses_status', `"status" IN ('active', 'suspended', 'revoked')`)
@Check('CHK_licenses_period', `"valid_until" > "valid_from"`)
@Check('CHK_licenses_calls', `"calls_used" >= 0 AND ("call_quota" IS NULL OR "call_quota" > 0)`)
@Index('UQ_licenses_application_id', ['applicationId'], { unique: true })
@Index('UQ_licenses_order_id', ['orderId'], { unique: true })
@Index('IDX_licenses_buyer_id_created_at', ['buyerId', 'createdAt'])
@Index('IDX_licenses_vendor_id_created_at', ['vendorId', 'createdAt'])
@Index('IDX_licenses_product_id', ['productId'])
@Index('IDX_licenses_created_at_id', ['createdAt', 'id'])
export class LicenseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => LicenseApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_licenses_application_id' })
  application?: LicenseApplicationEntity;

  @Column({ type: 'uuid' })
  orderId: string;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'FK_licenses_product_id' })
  product?: ProductEntity;

  @Column({ type: 'uuid' })
  buyerId: string;

  @ManyToOne(() => SubjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'buyer_id', foreignKeyConstraintName: 'FK_licenses_buyer_id' })
  buyer?: SubjectEntity;

  @Column({ type: 'uuid' })
  vendorId: string;

  @ManyToOne(() => SubjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'FK_licenses_vendor_id' })
  vendor?: SubjectEntity;

  @Column({ type: 'varchar', length: 200 })
  purpose: string;

  @Column({ type: 'timestamptz' })
  validFrom: Date;

  @Column({ type: 'timestamptz' })
  validUntil: Date;

  /** Calls bought (per_call); null for the other pricing models. */
  @Column({ type: 'integer', nullable: true })
  callQuota: number | null;

  @Column({ type: 'integer', default: 0 })
  callsUsed: number;

  @Column({ type: 'varchar', length: 16 })
  status: StoredLicenseStatus;

  /** Why it was last suspended or revoked. */
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  /** The product policy frozen at approval. */
  @Column({ type: 'jsonb' })
  policy: ProductPolicy;

  @CreateDateColumn({ type: 'timestamptz', precision: KEYSET_TIME_PRECISION })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
