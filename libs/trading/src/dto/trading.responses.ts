import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISPUTE_STATUSES } from '../dispute-status';
import { ORDER_STATUSES } from '../order-status';
import { WITHDRAWAL_STATUSES } from '../withdrawal-status';

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

export class DisputeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: DISPUTE_STATUSES }) status: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Integer fen refunded to the buyer, once resolved' })
  refundFen: number | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
}

export class DisputePage {
  @ApiProperty({ type: [DisputeResponse] }) items: DisputeResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class StatementResponse {
  @ApiProperty({ example: '2026-03-01', description: 'Asia/Shanghai business date' }) date: string;
  @ApiProperty({ description: 'Orders of the vendor settled or refunded on that date' }) ordersSettled: number;
  @ApiProperty({ description: 'Sum of their amounts (integer fen)' }) grossFen: number;
  @ApiProperty({ description: 'Platform fees transferred at their settlement' }) platformFeeFen: number;
  @ApiProperty({ description: "Data authority's shares transferred at their settlement" }) authorityShareFen: number;
  @ApiProperty({ description: 'Refunded to buyers' }) refundFen: number;
  @ApiProperty({ description: 'grossFen − refundFen − platformFeeFen − authorityShareFen: what the vendor received' })
  netFen: number;
}

export class WithdrawalResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() amountFen: number;
  @ApiProperty({ enum: WITHDRAWAL_STATUSES }) status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was paid out or released' })
  completedAt: string | null;
}

export class WithdrawalPage {
  @ApiProperty({ type: [WithdrawalResponse] }) items: WithdrawalResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
