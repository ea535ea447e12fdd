import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORDER_STATUSES } from '../order-status';

export const STATEMENT_KINDS = ['deposit', 'withdrawal', 'payment', 'settlement', 'refund'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export class OrderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'HST20260301000001', description: 'HST + Asia/Shanghai YYYYMMDD + daily sequence' })
  orderNo: string;
  @ApiProperty({ format: 'uuid' }) buyerId: string;
  @ApiProperty({ format: 'uuid' }) vendorId: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ format: 'uuid' }) licenseApplicationId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) licenseId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) disputeId: string | null;
  @ApiProperty({ description: 'Integer fen' }) amountFen: number;
  @ApiProperty({ description: 'floor(amount × PLATFORM_FEE_BPS / 10000)' }) platformFeeFen: number;
  @ApiProperty({ description: 'floor(amount × authorityShareBps / 10000) for public-source products, else 0' })
  authorityShareFen: number;
  @ApiProperty() refundFen: number;
  @ApiProperty({ enum: ORDER_STATUSES }) status: string;
  @ApiProperty({ format: 'date-time', description: 'Unpaid at this instant, the order is cancelled' })
  paymentDueAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) settledAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
}

export class OrderPage {
  @ApiProperty({ type: [OrderResponse] }) items: OrderResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class WalletResponse {
  @ApiProperty({ description: 'Integer fen available (held withdrawals excluded)' }) balanceFen: number;
  @ApiProperty({ description: 'Integer fen held for withdrawals not yet paid out' }) pendingWithdrawalFen: number;
}

export class WalletEntryResponse {
  @ApiProperty({ format: 'uuid' }) transferId: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'Signed integer fen: + into the wallet, − out of it' }) amountFen: number;
  @ApiProperty() balanceAfterFen: number;
  @ApiProperty({ enum: STATEMENT_KINDS }) kind: StatementKind;
  @ApiPropertyOptional({ format: 'uuid' }) orderId?: string;
}

export class WalletEntryPage {
  @ApiProperty({ type: [WalletEntryResponse] }) items: WalletEntryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class DepositResponse {
  @ApiProperty({ format: 'uuid' }) transferId: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty() amountFen: number;
  @ApiProperty() reference: string;
  @ApiProperty({ description: "The wallet's balance after the deposit" }) balanceAfterFen: number;
  @ApiProperty({ format: 'date-time' }) at: string;
}
