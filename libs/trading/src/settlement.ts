import { bpsOf } from '@hst/common';
import { TransferSpec, walletOf } from '@hst/ledger';

/** The orders due for settlement (SQL over `orders`): what the sweep settles and the lag metric measures. */
export const SETTLEMENT_DUE_WHERE = `status IN ('delivered', 'disputed') AND settle_due_at <= now()`;

export type SettlementInput = {
  id: string;
  buyerId: string;
  vendorId: string;
  amountFen: number;
  platformFeeFen: number;
  authorityShareFen: number;
  platformFeeBps: number;
  authorityShareBps: number;
  refundFen: number;
};

/**
 * The transfers that release an order's escrow, all keyed by the order so they leave the shard the
 * payment filled: the refund to the buyer, then, on amount − refund, the platform fee and the authority's
 * share (recomputed from the order's rates when part was refunded) and the vendor's rest. They add up
 * to the amount exactly.
 */
export function settlementTransfers(order: SettlementInput): TransferSpec[] {
  const base = order.amountFen - order.refundFen;
  const fee = order.refundFen === 0 ? order.platformFeeFen : bpsOf(base, order.platformFeeBps);
  const share = order.refundFen === 0 ? order.authorityShareFen : bpsOf(base, order.authorityShareBps);
  const vendorNet = base - fee - share;
  if (order.refundFen < 0 || base < 0 || vendorNet < 0) {
    // Rates above 100 % together, or a refund above the amount: settling would take other orders' escrow.
    throw new RangeError(
      `order ${order.id} cannot settle: refund ${order.refundFen}, fee ${fee}, share ${share} of ${order.amountFen}`,
    );
  }
  const orderId = order.id;
  const transfers: TransferSpec[] = [
    { debit: 'escrow', credit: walletOf(order.buyerId), amountFen: order.refundFen, kind: 'refund', orderId },
    { debit: 'escrow', credit: walletOf(order.vendorId), amountFen: vendorNet, kind: 'settlement', orderId },
    { debit: 'escrow', credit: 'platform_fee', amountFen: fee, kind: 'platform_fee', orderId },
    { debit: 'escrow', credit: 'public_data_authority', amountFen: share, kind: 'authority_share', orderId },
  ];
  return transfers.filter((t) => t.amountFen > 0);
}
