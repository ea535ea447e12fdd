import type { CertificateFacts } from '@hst/registry';
import type { CertificateSummary, DatasetSummary, ProductResponse, VendorRef } from './dto/product.response';
import type { ProductDatasetEntity } from './entities/product-dataset.entity';
import type { ProductEntity } from './entities/product.entity';

export type DatasetMeta = Pick<ProductDatasetEntity, 'recordCount' | 'contentDigest' | 'byteSize' | 'uploadedAt'>;

export function toCertificateSummary(c: CertificateFacts): CertificateSummary {
  return {
    certNo: c.certNo,
    status: c.status,
    holder: { id: c.holderId, name: c.holderName },
    assetName: c.assetName,
    rights: c.rights,
    category: c.category,
    sourceType: c.sourceType,
    contentDigest: c.contentDigest,
    validUntil: c.validUntil.toISOString(),
  };
}

export function toDatasetSummary(d: DatasetMeta): DatasetSummary {
  return {
    recordCount: d.recordCount,
    contentDigest: d.contentDigest,
    byteSize: d.byteSize,
    uploadedAt: d.uploadedAt.toISOString(),
  };
}

export function toProductResponse(
  p: ProductEntity,
  vendor: VendorRef,
  dataset: DatasetMeta | null,
  certificate: CertificateFacts | undefined,
): ProductResponse {
  return {
    id: p.id,
    vendor,
    title: p.title,
    summary: p.summary,
    description: p.description,
    category: p.category,
    tags: p.tags,
    sourceType: p.sourceType,
    deliveryMode: p.deliveryMode,
    updateFrequency: p.updateFrequency,
    pricing: { model: p.pricingModel, priceFen: p.priceFen },
    certNo: p.certNo,
    policy: {
      purposes: p.policy.purposes,
      maxTermDays: p.policy.maxTermDays,
      ...(p.policy.maxCallsPerDay === undefined ? {} : { maxCallsPerDay: p.policy.maxCallsPerDay }),
      allowRedistribution: p.policy.allowRedistribution,
      autoApprove: p.policy.autoApprove,
    },
    status: p.status,
    statusReason: p.statusReason,
    listedAt: p.listedAt?.toISOString() ?? null,
    dataset: dataset ? toDatasetSummary(dataset) : null,
    certificate: certificate ? toCertificateSummary(certificate) : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
