import { MAX_AMOUNT_FEN, PageQuery } from '@hst/common';
import { SOURCE_TYPES, SourceType } from '@hst/registry';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DELIVERY_MODES, DeliveryMode, PRICING_MODELS, PricingModel } from '../product-status';

export const PRODUCT_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

const booleanFlag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ProductsQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Substring(s) of title, summary or tags; whitespace separates terms that must all match',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ enum: DELIVERY_MODES })
  @IsOptional()
  @IsIn(DELIVERY_MODES)
  deliveryMode?: DeliveryMode;

  @ApiPropertyOptional({ enum: PRICING_MODELS })
  @IsOptional()
  @IsIn(PRICING_MODELS)
  pricingModel?: PricingModel;

  @ApiPropertyOptional({ enum: SOURCE_TYPES })
  @IsOptional()
  @IsIn(SOURCE_TYPES)
  sourceType?: SourceType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  vendorId?: string;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_FEN)
  minPriceFen?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_FEN)
  maxPriceFen?: number;

  @ApiPropertyOptional({ enum: PRODUCT_SORTS, description: 'Default: relevance with q, newest without' })
  @IsOptional()
  @IsIn(PRODUCT_SORTS)
  sort?: ProductSort;

  @ApiPropertyOptional({ description: 'Your own products in any state (needs a token)' })
  @IsOptional()
  @Transform(booleanFlag)
  @IsBoolean()
  mine?: boolean;
}
