import { defineStateMachine } from '@hst/common';

/** Every order state of the contract. */
export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'delivered',
  'cancelled',
  'disputed',
  'settled',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type OrderAction =
  | 'pay'
  | 'deliver'
  | 'cancel'
  | 'expire'
  | 'confirm'
  | 'settle'
  | 'dispute'
  | 'resolveDispute'
  | 'settleDisputed'
  | 'refund';

/**
 * pending_payment → paid → delivered in the payment's one transaction (`paid` is audited, never left
 * at rest); pending_payment → cancelled by the buyer, or by the payment timeout. delivered → settled at
 * the end of the dispute window (`confirm` brings the end forward and leaves the state as it is);
 * delivered → disputed → settled (partial refund) | refunded (full); `resolveDispute` sets the refund and
 * the settlement time of a disputed order and leaves the state as it is (the worker settles it).
 */
export const ORDER_MACHINE = defineStateMachine<OrderStatus, OrderAction>('order', {
  pay: { from: ['pending_payment'], to: 'paid' },
  deliver: { from: ['paid'], to: 'delivered' },
  cancel: { from: ['pending_payment'], to: 'cancelled' },
  expire: { from: ['pending_payment'], to: 'cancelled' },
  confirm: { from: ['delivered'], to: 'delivered' },
  settle: { from: ['delivered'], to: 'settled' },
  dispute: { from: ['delivered'], to: 'disputed' },
  resolveDispute: { from: ['disputed'], to: 'disputed' },
  settleDisputed: { from: ['disputed'], to: 'settled' },
  refund: { from: ['disputed'], to: 'refunded' },
});

export const ORDER_EVENT: Record<OrderAction, string> = {
  pay: 'order.paid',
  deliver: 'order.delivered',
  cancel: 'order.cancelled',
  expire: 'order.cancelled',
  confirm: 'order.confirmed',
  settle: 'order.settled',
  dispute: 'order.disputed',
  resolveDispute: 'order.dispute_resolved',
  settleDisputed: 'order.settled',
  refund: 'order.refunded',
};
