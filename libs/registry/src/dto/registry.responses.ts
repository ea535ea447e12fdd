import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CERTIFICATE_STATUSES, DATA_RIGHTS, SOURCE_TYPES } from '../certificate-lookup';
import { ACQUISITIONS, REGISTRATION_STATUSES } from '../registration-status';
import { FieldSpecDto } from './registration.dto';

export class ObjectionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) objectorId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['open', 'upheld', 'dismissed'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
}

export class ApplicantResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() uscc: string;
}

/** The public notice (公示) view: what any active subject sees of a registration in notice. */
export class PublicNoticeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() assetName: string;
  @ApiProperty({ type: ApplicantResponse }) applicant: ApplicantResponse;
  @ApiProperty() category: string;
  @ApiProperty({ enum: DATA_RIGHTS, isArray: true }) rightsClaimed: string[];
  @ApiProperty() contentDigest: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) noticeEndsAt: string | null;
}

export class RegistrationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicantId: string;
  @ApiProperty() assetName: string;
  @ApiProperty() description: string;
  @ApiProperty() category: string;
  @ApiProperty({ enum: SOURCE_TYPES }) sourceType: string;
  @ApiProperty({ enum: ACQUISITIONS }) acquisition: string;
  @ApiProperty() sourceStatement: string;
  @ApiProperty({ enum: DATA_RIGHTS, isArray: true }) rightsClaimed: string[];
  @ApiProperty() contentDigest: string;
  @ApiProperty() recordCount: number;
  @ApiProperty({ type: [FieldSpecDto] }) fieldSchema: FieldSpecDto[];
  @ApiProperty({ enum: ['general', 'important'] }) sensitivity: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) noticeEndsAt: string | null;
  @ApiProperty({ type: [ObjectionResponse] }) objections: ObjectionResponse[];
  @ApiProperty({ type: String, nullable: true }) certNo: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class RegistrationPage {
  @ApiProperty({
    description: 'Full registrations you may read in full; public-notice views of the others',
    type: 'array',
    items: {
      oneOf: [
        { $ref: '#/components/schemas/RegistrationResponse' },
        { $ref: '#/components/schemas/PublicNoticeResponse' },
      ],
    },
  })
  items: (RegistrationResponse | PublicNoticeResponse)[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class CertificateHolderResponse {
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty() name: string;
  @ApiProperty() uscc: string;
}

export class CertificateResponse {
  @ApiProperty({ example: 'WHDR-2026-000001' }) certNo: string;
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ type: CertificateHolderResponse }) holder: CertificateHolderResponse;
  @ApiProperty() assetName: string;
  @ApiProperty({ enum: DATA_RIGHTS, isArray: true }) rights: string[];
  @ApiProperty() contentDigest: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ format: 'date-time' }) validUntil: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: string;
  @ApiProperty() keyId: string;
  @ApiProperty({ description: 'Ed25519 (base64) over the RFC 8785 form of the signed fields' }) signature: string;
  @ApiPropertyOptional({ type: String, nullable: true }) successorCertNo?: string | null;
}

export class CertificateVerification {
  @ApiProperty() valid: boolean;
  @ApiProperty({ type: [String] }) reasons: string[];
}

export class SigningKeyResponse {
  @ApiProperty() keyId: string;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm: 'Ed25519';
  @ApiProperty() publicKeyPem: string;
}

export class AuthorizationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) operatorId: string;
  @ApiProperty({ type: [String] }) domains: string[];
  @ApiProperty() scope: string;
  @ApiProperty({ format: 'date-time' }) validFrom: string;
  @ApiProperty({ format: 'date-time' }) validUntil: string;
  @ApiProperty() authorityShareBps: number;
  @ApiProperty({ enum: ['active', 'revoked'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) revokeReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AuthorizationPage {
  @ApiProperty({ type: [AuthorizationResponse] }) items: AuthorizationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
