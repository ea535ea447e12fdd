import { PageQuery } from '@hst/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { ORDER_STATUSES, type OrderStatus } from '../order-status';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class OrdersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  licenseApplicationId?: string;
}

export class DepositDto {
  @ApiProperty({ format: 'uuid', description: 'The subject whose wallet is credited (unknown → 422)' })
  @IsUUID()
  subjectId: string;

  @ApiProperty({ example: 1_000_000, minimum: 1, description: 'Integer fen (分); above 10^13 → 422' })
  @IsInt()
  @Min(1)
  amountFen: number;

  @ApiProperty({ example: '招商银行武汉分行 流水号 20260301-0001', maxLength: 255 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  reference: string;
}
