import type { DisputeResponse, OrderResponse } from './dto/trading.responses';
import type { DisputeEntity } from './entities/dispute.entity';
import type { OrderEntity } from './entities/order.entity';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toOrderResponse(o: OrderEntity): OrderResponse {
  return {
    id: o.id,
    orderNo: o.orderNo,
    buyerId: o.buyerId,
    vendorId: o.vendorId,
    productId: o.productId,
    licenseApplicationId: o.licenseApplicationId,
    licenseId: o.licenseId,
    disputeId: o.disputeId,
    amountFen: o.amountFen,
    platformFeeFen: o.platformFeeFen,
    authorityShareFen: o.authorityShareFen,
    refundFen: o.refundFen,
    status: o.status,
    paymentDueAt: o.paymentDueAt.toISOString(),
    createdAt: o.createdAt.toISOString(),
    paidAt: iso(o.paidAt),
    deliveredAt: iso(o.deliveredAt),
    settledAt: iso(o.settledAt),
    cancelledAt: iso(o.cancelledAt),
  };
}

export function toDisputeResponse(d: DisputeEntity): DisputeResponse {
  return {
    id: d.id,
    orderId: d.orderId,
    reason: d.reason,
    status: d.status,
    refundFen: d.refundFen,
    note: d.note,
    openedAt: d.openedAt.toISOString(),
    resolvedAt: iso(d.resolvedAt),
  };
}
