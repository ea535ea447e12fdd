import { defineStateMachine } from '@hst/common';

/** Every order state of the contract; settlement, disputes and refunds (not built yet) use the last four. */
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

export type OrderAction = 'pay' | 'deliver' | 'cancel' | 'expire';

/**
 * pending_payment → paid → delivered in the payment's one transaction (`paid` is audited, never left
 * at rest); pending_payment → cancelled by the buyer, or by the payment timeout.
 */
export const ORDER_MACHINE = defineStateMachine<OrderStatus, OrderAction>('order', {
  pay: { from: ['pending_payment'], to: 'paid' },
  deliver: { from: ['paid'], to: 'delivered' },
  cancel: { from: ['pending_payment'], to: 'cancelled' },
  expire: { from: ['pending_payment'], to: 'cancelled' },
});

export const ORDER_EVENT: Record<OrderAction, string> = {
  pay: 'order.paid',
  deliver: 'order.delivered',
  cancel: 'order.cancelled',
  expire: 'order.cancelled',
};
