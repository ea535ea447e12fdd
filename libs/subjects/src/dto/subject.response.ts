import { SUBJECT_ROLES } from '@hst/common';
import { ApiProperty } from '@nestjs/swagger';
import { SUBJECT_KINDS, SUBJECT_STATUSES } from '../subject-status';

export class SubjectResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() uscc: string;
  @ApiProperty({ enum: SUBJECT_KINDS }) kind: string;
  @ApiProperty({ enum: SUBJECT_ROLES, isArray: true }) roles: string[];
  @ApiProperty({ enum: SUBJECT_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true }) district: string | null;
  @ApiProperty({ type: String, nullable: true }) legalRepresentative: string | null;
  @ApiProperty({ type: String, nullable: true }) payoutAccount: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was last rejected or suspended' })
  statusReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SubjectPage {
  @ApiProperty({ type: [SubjectResponse] }) items: SubjectResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** POST /auth/register: the new (pending) subject and its first user. */
export class SignUpResponse {
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: 'pending' }) status: string;
}
