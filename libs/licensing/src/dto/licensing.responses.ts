import { PolicyResponse } from '@hst/catalog';
import { ApiProperty } from '@nestjs/swagger';
import { APPLICATION_STATUSES, LICENSE_STATUSES } from '../license-status';

export class LicenseApplicationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ format: 'uuid' }) buyerId: string;
  @ApiProperty({ format: 'uuid' }) vendorId: string;
  @ApiProperty() purpose: string;
  @ApiProperty() purposeDetail: string;
  @ApiProperty() termDays: number;
  @ApiProperty({ type: Number, nullable: true, description: 'per_call products only' }) calls: number | null;
  @ApiProperty({ description: 'Integer fen: what the order will charge' }) amountFen: number;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Set at approval' }) orderId: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class LicenseApplicationPage {
  @ApiProperty({ type: [LicenseApplicationResponse] }) items: LicenseApplicationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class LicenseResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ format: 'uuid' }) buyerId: string;
  @ApiProperty({ format: 'uuid' }) vendorId: string;
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty() purpose: string;
  @ApiProperty({ format: 'date-time', description: 'The payment time' }) validFrom: string;
  @ApiProperty({ format: 'date-time', description: 'validFrom + termDays' }) validUntil: string;
  @ApiProperty({ type: Number, nullable: true, description: 'calls for per_call products, else null' }) callQuota:
    number | null;
  @ApiProperty() callsUsed: number;
  @ApiProperty({ enum: LICENSE_STATUSES }) status: string;
  @ApiProperty({ type: PolicyResponse, description: 'The product policy frozen at approval' }) policy: PolicyResponse;
}

export class LicensePage {
  @ApiProperty({ type: [LicenseResponse] }) items: LicenseResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
