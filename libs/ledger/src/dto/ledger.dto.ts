import { PageQuery } from '@hst/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { TRANSFER_KINDS } from '../accounts';

export class TransfersQuery extends PageQuery {
  @ApiPropertyOptional({
    description:
      "'wallet:<subjectId>' or a system account: escrow, platform_fee, public_data_authority, bank, withdrawal_hold",
  })
  @IsOptional()
  @IsString()
  @Matches(/^(escrow|platform_fee|public_data_authority|bank|withdrawal_hold|wallet:[0-9a-f-]{36})$/i, {
    message: 'account must be wallet:<subjectId> or a system account',
  })
  account?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @ApiPropertyOptional({ description: 'at ≥ from (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'at < to (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class TransferResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() debitAccount: string;
  @ApiProperty() creditAccount: string;
  @ApiProperty() amountFen: number;
  @ApiProperty({ enum: TRANSFER_KINDS }) kind: string;
  @ApiPropertyOptional({ type: String, nullable: true }) orderId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reference: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class TransferPage {
  @ApiProperty({ type: [TransferResponse] }) items: TransferResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class TrialBalanceAccount {
  @ApiProperty({ example: 'escrow' }) account: string;
  @ApiProperty() balanceFen: number;
}

export class TrialBalanceResponse {
  @ApiProperty({ type: [TrialBalanceAccount] }) accounts: TrialBalanceAccount[];
  @ApiProperty({ example: 0 }) totalFen: number;
  @ApiProperty() transferCount: number;
}
