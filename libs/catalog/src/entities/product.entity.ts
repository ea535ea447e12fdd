import { SubjectEntity } from '@hst/subjects';
import type { SourceType } from '@hst/registry';
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
import { bigintFenTransformer } from '@hst/common';
import type { DeliveryMode, PricingModel, ProductStatus, UpdateFrequency } from '../product-status';

/** What a buyer may do with the data and how licenses are granted (checked when licensing). */
export type ProductPolicy = {
  purposes: string[];
  maxTermDays: number;
  maxCallsPerDay?: number;
  allowRedistribution: boolean;
  autoApprove: boolean;
};

/**
 * A data product offered on the exchange (数据产品挂牌), relying on a data-rights certificate.
 * `search_text` and `search_grams` are kept by the trigger `TRG_products_search` (migration CreateCatalog)
 * from title, summary and tags; the GIN index on `search_grams` is hand-written there too.
 */
@Entity('products')
@Check('CHK_products_status', `"status" IN ('draft', 'pending_review', 'listed', 'rejected', 'delisted', 'suspended')`)
@Check('CHK_products_price_fen', `"price_fen" > 0 AND "price_fen" <= 10000000000000`)
@Check('CHK_products_source_type', `"source_type" IN ('enterprise', 'public', 'personal_deidentified', 'third_party')`)
@Check('CHK_products_delivery_mode', `"delivery_mode" IN ('api', 'file', 'sandbox')`)
@Check('CHK_products_update_frequency', `"update_frequency" IN ('realtime', 'daily', 'weekly', 'monthly', 'static')`)
@Check('CHK_products_pricing_model', `"pricing_model" IN ('one_time', 'subscription', 'per_call')`)
@Check('CHK_products_listed_at', `"status" <> 'listed' OR "listed_at" IS NOT NULL`)
@Index('IDX_products_vendor_id_created_at', ['vendorId', 'createdAt'])
@Index('IDX_products_cert_no', ['certNo'])
@Index('IDX_products_listed_at_id', ['listedAt', 'id'], { where: `"status" = 'listed'` })
@Index('IDX_products_price_fen_id', ['priceFen', 'id'], { where: `"status" = 'listed'` })
@Index('IDX_products_search_grams', { synchronize: false })
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  vendorId: string;

  @ManyToOne(() => SubjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'FK_products_vendor_id' })
  vendor?: SubjectEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 100 })
  category: string;

  @Column({ type: 'text', array: true })
  tags: string[];

  @Column({ type: 'varchar', length: 32 })
  sourceType: SourceType;

  @Column({ type: 'varchar', length: 16 })
  deliveryMode: DeliveryMode;

  @Column({ type: 'varchar', length: 16 })
  updateFrequency: UpdateFrequency;

  @Column({ type: 'varchar', length: 16 })
  pricingModel: PricingModel;

  /** Integer fen. */
  @Column({ type: 'bigint', transformer: bigintFenTransformer })
  priceFen: number;

  /** The certificate (WHDR-YYYY-NNNNNN) whose rights the product relies on. */
  @Column({ type: 'varchar', length: 32 })
  certNo: string;

  @Column({ type: 'jsonb' })
  policy: ProductPolicy;

  @Column({ type: 'varchar', length: 16 })
  status: ProductStatus;

  /** Why the product was last rejected or suspended. */
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  /** When it was last listed. */
  @Column({ type: 'timestamptz', nullable: true })
  listedAt: Date | null;

  /** Normalised title, summary and tags (trigger-maintained). */
  @Column({ type: 'text', default: '', select: false, insert: false, update: false })
  searchText?: string;

  /** Distinct characters and character pairs of `searchText` (trigger-maintained, GIN-indexed). */
  @Column({ type: 'text', array: true, default: () => "'{}'", select: false, insert: false, update: false })
  searchGrams?: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
