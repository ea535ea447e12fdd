import { PageQuery } from '@hst/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DATA_RIGHTS, DataRight, SOURCE_TYPES, SourceType } from '../certificate-lookup';
import {
  ACQUISITIONS,
  Acquisition,
  REGISTRATION_STATUSES,
  RegistrationStatus,
  SENSITIVITIES,
  Sensitivity,
} from '../registration-status';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class FieldSpecDto {
  @ApiProperty({ example: 'vehicle_id' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'string' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  type: string;

  @ApiProperty({ example: '车辆编号（脱敏）' })
  @IsString()
  @MaxLength(500)
  description: string;

  @ApiPropertyOptional({ description: 'Personal information: masked by the data gateway' })
  @IsOptional()
  @IsBoolean()
  personal?: boolean;
}

export class CreateRegistrationDto {
  @ApiProperty({ example: '智能网联汽车轨迹数据', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  assetName: string;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description: string;

  @ApiProperty({ example: 'transport', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  category: string;

  @ApiProperty({ enum: SOURCE_TYPES })
  @IsIn(SOURCE_TYPES)
  sourceType: SourceType;

  @ApiProperty({ enum: ACQUISITIONS })
  @IsIn(ACQUISITIONS)
  acquisition: Acquisition;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  sourceStatement: string;

  @ApiProperty({ enum: DATA_RIGHTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(DATA_RIGHTS, { each: true })
  rightsClaimed: DataRight[];

  @ApiProperty({ description: 'sha256 (hex) of the RFC 8785 form of the records', pattern: '^[0-9a-f]{64}$' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'contentDigest must be 64 hexadecimal characters (sha256)' })
  contentDigest: string;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  recordCount: number;

  @ApiProperty({ type: [FieldSpecDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => FieldSpecDto)
  fieldSchema: FieldSpecDto[];

  @ApiProperty({ enum: SENSITIVITIES, description: '`core` data is not tradable (422)' })
  @IsIn(SENSITIVITIES)
  sensitivity: Sensitivity;
}

export class RegistrationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;

  @ApiPropertyOptional({ description: 'Only your own registrations', enum: ['true', 'false'] })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'mine must be true or false' })
  mine?: boolean;
}

export class ObjectionDto {
  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class ResolveObjectionDto {
  @ApiProperty({ description: 'true: the objection stands and the registration is rejected' })
  @IsBoolean()
  upheld: boolean;

  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}

export class TransferCertificateDto {
  @ApiProperty({ format: 'uuid' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'toSubjectId must be a UUID' })
  toSubjectId: string;
}

export class GrantAuthorizationDto {
  @ApiProperty({ format: 'uuid' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'operatorId must be a UUID' })
  operatorId: string;

  @ApiProperty({ example: ['transport', 'weather'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  domains: string[];

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  scope: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  validFrom: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  validUntil: string;

  @ApiProperty({ minimum: 0, maximum: 10000, description: 'The data authority’s share in basis points' })
  @IsInt()
  @Min(0)
  @Max(10000)
  authorityShareBps: number;
}
