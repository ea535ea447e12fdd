import { SOURCE_TYPES, SourceType } from '@hst/registry';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
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
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DELIVERY_MODES,
  DeliveryMode,
  PRICING_MODELS,
  PricingModel,
  UPDATE_FREQUENCIES,
  UpdateFrequency,
} from '../product-status';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)) : value;

export class PricingDto {
  @ApiProperty({ enum: PRICING_MODELS, description: 'subscription: per 30 days; per_call: per call' })
  @IsIn(PRICING_MODELS)
  model: PricingModel;

  @ApiProperty({ example: 120000, minimum: 1, maximum: 1e13, description: 'Integer fen (分); above 10^13 → 422' })
  @IsInt()
  @Min(1)
  priceFen: number;
}

export class PolicyDto {
  @ApiProperty({ type: [String], example: ['交通规划研究'], minItems: 1 })
  @Transform(trimEach)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  purposes: string[];

  @ApiProperty({ example: 365, minimum: 1, maximum: 3650 })
  @IsInt()
  @Min(1)
  @Max(3650)
  maxTermDays: number;

  @ApiPropertyOptional({ example: 10000, minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  maxCallsPerDay?: number;

  @ApiProperty()
  @IsBoolean()
  allowRedistribution: boolean;

  @ApiProperty({ description: 'Approve license applications without review' })
  @IsBoolean()
  autoApprove: boolean;
}

export class CreateProductDto {
  @ApiProperty({ example: '智能网联汽车轨迹数据', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 500 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  summary: string;

  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MaxLength(20000)
  description: string;

  @ApiProperty({ example: '交通出行', maxLength: 100, description: 'Must equal the registered category' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  category: string;

  @ApiProperty({ type: [String], example: ['车联网', 'GPS'], maxItems: 20 })
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  tags: string[];

  @ApiProperty({ enum: SOURCE_TYPES })
  @IsIn(SOURCE_TYPES)
  sourceType: SourceType;

  @ApiProperty({ enum: DELIVERY_MODES })
  @IsIn(DELIVERY_MODES)
  deliveryMode: DeliveryMode;

  @ApiProperty({ enum: UPDATE_FREQUENCIES })
  @IsIn(UPDATE_FREQUENCIES)
  updateFrequency: UpdateFrequency;

  @ApiProperty({ type: PricingDto })
  @ValidateNested()
  @Type(() => PricingDto)
  pricing: PricingDto;

  @ApiProperty({ example: 'WHDR-2026-000001', description: 'The certificate the product relies on' })
  @IsString()
  @Matches(/^WHDR-\d{4}-\d{6}$/, { message: 'certNo must look like WHDR-YYYY-NNNNNN' })
  certNo: string;

  @ApiProperty({ type: PolicyDto })
  @ValidateNested()
  @Type(() => PolicyDto)
  policy: PolicyDto;
}

/** Any subset of the creation fields; never `status`. */
export class UpdateProductDto extends PartialType(CreateProductDto) {}
