import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditActorResponse {
  @ApiPropertyOptional() userId?: string;
  @ApiPropertyOptional() subjectId?: string;
  @ApiPropertyOptional() role?: string;
}

export class AuditEventResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: AuditActorResponse }) actor: AuditActorResponse;
  @ApiProperty({ example: 'subject.approved' }) action: string;
  @ApiProperty() entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventResponse] }) items: AuditEventResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ChainVerificationResponse {
  @ApiProperty() ok: boolean;
  @ApiProperty() checked: number;
  @ApiProperty() headSeq: number;
  @ApiProperty() headHash: string;
  @ApiPropertyOptional() firstBrokenSeq?: number;
}
