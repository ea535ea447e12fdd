import { ProductEntity } from '@hst/catalog';
import { bigintFenTransformer, KEYSET_TIME_PRECISION } from '@hst/common';
import { LicenseApplicationEntity, LicenseEntity } from '@hst/licensing';
import { SubjectEntity } from '@hst/subjects';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { OrderStatus } from '../order-status';

/**
 * An order (订单): created `pending_payment` when its license application is approved, paid and
 * delivered (license issued) in one transaction. Amounts are integer fen fixed at creation.
 */
@Entity('orders')
@Check(
  'CHK_orders_status',
  `"status" IN ('pending_payment', 'paid', 'delivered', 'cancelled', 'disputed', 'settled', 'refunded')`,
)
@Check('CHK_orders_amount_fen', `"amount_fen" > 0 AND "amount_fen" <= 10000000000000`)
@Check(
  'CHK_orders_fees',
  `"platform_fee_fen" >= 0 AND "authority_share_fen" >= 0 AND "platform_fee_fen" + "authority_share_fen" <= "amount_fen"`,
)
@Check('CHK_orders_refund_fen', `"refund_fen" >= 0 AND "refund_fen" <= "amount_fen"`)
@Check(
  'CHK_orders_delivered',
  `"status" IN ('pending_payment', 'paid', 'cancelled') OR ("license_id" IS NOT NULL AND "delivered_at" IS NOT NULL)`,
)
@Index('UQ_orders_order_no', ['orderNo'], { unique: true })
@Index('UQ_orders_license_application_id', ['licenseApplicationId'], { unique: true })
@Index('IDX_orders_buyer_id_created_at', ['buyerId', 'createdAt'])
@Index('IDX_orders_vendor_id_created_at', ['vendorId', 'createdAt'])
@Index('IDX_orders_product_id', ['productId'])
@Index('IDX_orders_created_at_id', ['createdAt', 'id'])
@Index('IDX_orders_payment_due_at', ['paymentDueAt'], { where: `"status" = 'pending_payment'` })
@Index('IDX_orders_vendor_id_settled_at', ['vendorId', 'settledAt'], { where: `"status" IN ('settled', 'refunded')` })
@Index('IDX_orders_settle_due_at', ['settleDueAt'], { where: `"status" IN ('delivered', 'disputed')` })
export class OrderEntity {
  /** Chosen by trading before the approval so that the application can name it in the same transaction. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 17 })
  orderNo: string;

  @Column({ type: 'uuid' })
  buyerId: string;

  @ManyToOne(() => SubjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'buyer_id', foreignKeyConstraintName: 'FK_orders_buyer_id' })
  buyer?: SubjectEntity;

  @Column({ type: 'uuid' })
  vendorId: string;

  @ManyToOne(() => SubjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'FK_orders_vendor_id' })
  vendor?: SubjectEntity;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'FK_orders_product_id' })
  product?: ProductEntity;

  @Column({ type: 'uuid' })
  licenseApplicationId: string;

  @ManyToOne(() => LicenseApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'license_application_id', foreignKeyConstraintName: 'FK_orders_license_application_id' })
  licenseApplication?: LicenseApplicationEntity;

  @Column({ type: 'uuid', nullable: true })
  licenseId: string | null;

  @ManyToOne(() => LicenseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'license_id', foreignKeyConstraintName: 'FK_orders_license_id' })
  license?: LicenseEntity;

  /** The order's dispute, set when the buyer opens it (one per order). */
  @Column({ type: 'uuid', nullable: true })
  disputeId: string | null;

  @Column({ type: 'bigint', transformer: bigintFenTransformer })
  amountFen: number;

  @Column({ type: 'bigint', transformer: bigintFenTransformer })
  platformFeeFen: number;

  @Column({ type: 'bigint', transformer: bigintFenTransformer })
  authorityShareFen: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintFenTransformer })
  refundFen: number;

  /** The public-data authorization whose authority gets `authorityShareFen` (public-source products). */
  @Column({ type: 'uuid', nullable: true })
  publicDataAuthorizationId: string | null;

  /** The fee and share rates the order was priced with: a partial refund recomputes on amount − refund. */
  @Column({ type: 'smallint', default: 0 })
  platformFeeBps: number;

  @Column({ type: 'smallint', default: 0 })
  authorityShareBps: number;

  @Column({ type: 'varchar', length: 16 })
  status: OrderStatus;

  /**
   * When the worker settles the order: the end of the dispute window once delivered, brought forward by
   * `confirm` or a dispute's resolution. PostgreSQL's copy of the settlement timer.
   */
  @Column({ type: 'timestamptz', nullable: true })
  settleDueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** Unpaid at this instant, the order is cancelled (ORDER_PAYMENT_TIMEOUT_SECONDS after approval). */
  @Column({ type: 'timestamptz' })
  paymentDueAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  settledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** 'buyer' or 'payment_timeout'. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  cancelReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: KEYSET_TIME_PRECISION })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
