import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { DatasetRecord } from '../dataset';
import { ProductEntity } from './product.entity';

/**
 * The dataset of a product, stored by the platform: the records exactly as uploaded (JSON objects, or
 * CSV rows as objects of strings) and the digest that binds them to a certificate.
 */
@Entity('product_datasets')
@Check('CHK_product_datasets_record_count', `"record_count" >= 1`)
export class ProductDatasetEntity {
  @PrimaryColumn({ type: 'uuid' })
  productId: string;

  @OneToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'FK_product_datasets_product_id' })
  product?: ProductEntity;

  @Column({ type: 'jsonb' })
  records: DatasetRecord[];

  @Column({ type: 'integer' })
  recordCount: number;

  /** sha256 (hex) of the JCS serialisation of `records`. */
  @Column({ type: 'char', length: 64 })
  contentDigest: string;

  /** Bytes of the canonical serialisation. */
  @Column({ type: 'integer' })
  byteSize: number;

  @Column({ type: 'timestamptz' })
  uploadedAt: Date;
}
