import { PageQuery, Role, SUBJECT_ROLES } from '@hst/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { SUBJECT_STATUSES, SubjectStatus } from '../subject-status';

export class ReasonDto {
  @ApiProperty({ maxLength: 1000 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class SubjectsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SUBJECT_STATUSES })
  @IsOptional()
  @IsIn(SUBJECT_STATUSES)
  status?: SubjectStatus;

  @ApiPropertyOptional({ enum: SUBJECT_ROLES })
  @IsOptional()
  @IsIn(SUBJECT_ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Substring of the name, or a USCC prefix' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
