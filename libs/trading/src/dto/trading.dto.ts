import { PageQuery } from '@hst/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { DISPUTE_STATUSES, type DisputeStatus } from '../dispute-status';
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

export class DisputesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DISPUTE_STATUSES })
  @IsOptional()
  @IsIn(DISPUTE_STATUSES)
  status?: DisputeStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  orderId?: string;
}

export class ResolveDisputeDto {
  @ApiProperty({
    example: 2_500,
    minimum: 0,
    description: "Integer fen returned to the buyer, 0..the order's amount (above → 422)",
  })
  @IsInt()
  @Min(0)
  refundFen: number;

  @ApiProperty({ example: '数据字段缺失，部分退款', maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}

export class StatementQuery {
  @ApiProperty({ example: '2026-03-01', description: 'The Asia/Shanghai business date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a calendar date' })
  date: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The vendor (required for admin and regulator; own otherwise)' })
  @IsOptional()
  @IsUUID()
  vendorId?: string;
}

export class WithdrawalDto {
  @ApiProperty({
    example: 50_000,
    minimum: 1,
    description: 'Integer fen (分); above 10^13 → 422, above the balance → 409',
  })
  @IsInt()
  @Min(1)
  amountFen: number;
}
