import { PageQuery } from '@hst/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { APPLICATION_STATUSES, type ApplicationStatus, LICENSE_STATUSES, type LicenseStatus } from '../license-status';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateLicenseApplicationDto {
  @ApiProperty({ format: 'uuid', description: 'A listed product; unknown or not visible → 422' })
  @IsUUID()
  productId: string;

  @ApiProperty({ example: '交通规划研究', description: "One of the product policy's purposes (else 422)" })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  purpose: string;

  @ApiProperty({ example: '用于武汉市主城区早晚高峰通勤走廊分析', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  purposeDetail: string;

  @ApiProperty({ example: 90, minimum: 1, maximum: 3650, description: "At most the policy's maxTermDays (else 422)" })
  @IsInt()
  @Min(1)
  @Max(3650)
  termDays: number;

  @ApiPropertyOptional({
    example: 10000,
    minimum: 1,
    maximum: 1_000_000_000,
    description: 'Calls bought: required for per_call products, refused (400) for the others',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  calls?: number;
}

export class LicenseApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  productId?: string;
}

export class LicensesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LICENSE_STATUSES, description: 'expired: past validUntil and not revoked' })
  @IsOptional()
  @IsIn(LICENSE_STATUSES)
  status?: LicenseStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  orderId?: string;
}
