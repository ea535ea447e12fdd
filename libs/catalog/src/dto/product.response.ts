import { CERTIFICATE_STATUSES, DATA_RIGHTS, SOURCE_TYPES } from '@hst/registry';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_MODES, PRICING_MODELS, PRODUCT_STATUSES, UPDATE_FREQUENCIES } from '../product-status';
import { PolicyDto } from './product.dto';

export class VendorRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class PricingResponse {
  @ApiProperty({ enum: PRICING_MODELS }) model: string;
  @ApiProperty({ description: 'Integer fen' }) priceFen: number;
}

export class PolicyResponse extends PolicyDto {}

export class DatasetSummary {
  @ApiProperty() recordCount: number;
  @ApiProperty({ description: 'sha256 hex of the JCS serialisation of the records' }) contentDigest: string;
  @ApiProperty() byteSize: number;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}

export class CertificateSummary {
  @ApiProperty() certNo: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: string;
  @ApiProperty() holder: VendorRef;
  @ApiProperty() assetName: string;
  @ApiProperty({ enum: DATA_RIGHTS, isArray: true }) rights: string[];
  @ApiProperty() category: string;
  @ApiProperty({ enum: SOURCE_TYPES }) sourceType: string;
  @ApiProperty() contentDigest: string;
  @ApiProperty({ format: 'date-time' }) validUntil: string;
}

export class ProductResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() vendor: VendorRef;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty() description: string;
  @ApiProperty() category: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ enum: SOURCE_TYPES }) sourceType: string;
  @ApiProperty({ enum: DELIVERY_MODES }) deliveryMode: string;
  @ApiProperty({ enum: UPDATE_FREQUENCIES }) updateFrequency: string;
  @ApiProperty() pricing: PricingResponse;
  @ApiProperty() certNo: string;
  @ApiProperty() policy: PolicyResponse;
  @ApiProperty({ enum: PRODUCT_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was last rejected or suspended' })
  statusReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) listedAt: string | null;
  @ApiProperty({ type: DatasetSummary, nullable: true }) dataset: DatasetSummary | null;
  @ApiProperty({ type: CertificateSummary, nullable: true, description: 'null when the certificate is unknown' })
  certificate: CertificateSummary | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ProductListItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty() category: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() vendor: VendorRef;
  @ApiProperty() pricing: PricingResponse;
  @ApiProperty({ enum: DELIVERY_MODES }) deliveryMode: string;
  @ApiProperty({ enum: SOURCE_TYPES }) sourceType: string;
  @ApiPropertyOptional({ enum: PRODUCT_STATUSES, description: "Always 'listed' in the public catalog" })
  status: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) listedAt: string | null;
}

export class ProductPage {
  @ApiProperty({ type: [ProductListItem] }) items: ProductListItem[];
  @ApiProperty({ description: 'How many products match, over all pages' }) total: number;
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class DatasetUploadResponse {
  @ApiProperty() recordCount: number;
  @ApiProperty() contentDigest: string;
  @ApiProperty({ description: "Whether contentDigest equals the product certificate's contentDigest" })
  matchesCertificate: boolean;
}
