import { ProductEntity, ProductPolicy } from '@hst/catalog';
import { bigintFenTransformer, KEYSET_TIME_PRECISION } from '@hst/common';
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
import type { ApplicationStatus } from '../license-status';

/**
 * A buyer's application for a license to a product (授权许可申请). `amountFen` is fixed when applying;
 * the product policy is frozen onto it at approval. `orderId` names trading's order (no foreign key:
 * licensing does not know trading's tables; `orders.license_application_id` holds the link).
 */
@Entity('license_applications')
@Check('CHK_license_applications_status', `"status" IN ('pending', 'approved', 'rejected', 'withdrawn')`)
@Check('CHK_license_applications_amount_fen', `"amount_fen" > 0 AND "amount_fen" <= 10000000000000`)
@Check('CHK_license_applications_term_days', `"term_days" > 0`)
@Check('CHK_license_applications_calls', `"calls" IS NULL OR "calls" > 0`)
@Check(
  'CHK_license_applications_approved',
  `"status" <> 'approved' OR ("order_id" IS NOT NULL AND "policy" IS NOT NULL)`,
)
@Index('IDX_license_applications_buyer_id_created_at', ['buyerId', 'createdAt'])
@Index('IDX_license_applications_vendor_id_created_at', ['vendorId', 'createdAt'])
@Index('IDX_license_applications_product_id', ['productId'])
@Index('IDX_license_applications_created_at_id', ['createdAt', 'id'])
export class LicenseApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'FK_license_applications_product_id' })
  product?: ProductEntity;

  @Column({ type: 'uuid' })
  buyerId: string;

  @ManyToOne(() => SubjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'buyer_id', foreignKeyConstraintName: 'FK_license_applications_buyer_id' })
  buyer?: SubjectEntity;

  /** The product's owner when the application was made. */
  @Column({ type: 'uuid' })
  vendorId: string;

  @ManyToOne(() => SubjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'FK_license_applications_vendor_id' })
  vendor?: SubjectEntity;

  @Column({ type: 'varchar', length: 200 })
  purpose: string;

  @Column({ type: 'text' })
  purposeDetail: string;

  @Column({ type: 'integer' })
  termDays: number;

  /** The calls bought, for per_call products; null otherwise. */
  @Column({ type: 'integer', nullable: true })
  calls: number | null;

  @Column({ type: 'bigint', transformer: bigintFenTransformer })
  amountFen: number;

  @Column({ type: 'varchar', length: 16 })
  status: ApplicationStatus;

  @Column({ type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ type: 'text', nullable: true })
  rejectReason: string | null;

  /** The product policy frozen at approval; the license carries it. */
  @Column({ type: 'jsonb', nullable: true })
  policy: ProductPolicy | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: KEYSET_TIME_PRECISION })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
