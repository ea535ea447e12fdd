import { defineStateMachine } from '@hst/common';

export const PRODUCT_STATUSES = ['draft', 'pending_review', 'listed', 'rejected', 'delisted', 'suspended'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const DELIVERY_MODES = ['api', 'file', 'sandbox'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const UPDATE_FREQUENCIES = ['realtime', 'daily', 'weekly', 'monthly', 'static'] as const;
export type UpdateFrequency = (typeof UPDATE_FREQUENCIES)[number];

/** Subscription prices are per 30 days, per_call prices per call. */
export const PRICING_MODELS = ['one_time', 'subscription', 'per_call'] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];

export type ProductAction = 'submit' | 'approve' | 'reject' | 'delist' | 'relist' | 'suspend';

/**
 * The product life cycle (数据产品挂牌). `suspend` also applies to a product under review: the
 * certificate and public-data cascades must stop a product that relies on a revoked right whether it is
 * already listed or still waiting for review.
 */
export const PRODUCT_MACHINE = defineStateMachine<ProductStatus, ProductAction>('product', {
  submit: { from: ['draft', 'rejected'], to: 'pending_review' },
  approve: { from: ['pending_review'], to: 'listed' },
  reject: { from: ['pending_review'], to: 'rejected' },
  delist: { from: ['listed'], to: 'delisted' },
  relist: { from: ['delisted', 'suspended'], to: 'pending_review' },
  suspend: { from: ['listed', 'pending_review'], to: 'suspended' },
});

/** The audit action and domain event type of each transition. */
export const PRODUCT_EVENT: Record<ProductAction, string> = {
  submit: 'product.submitted',
  approve: 'product.listed',
  reject: 'product.rejected',
  delist: 'product.delisted',
  relist: 'product.relisted',
  suspend: 'product.suspended',
};

/** The states in which the owner may still edit the product and replace its dataset. */
export const EDITABLE_STATUSES: readonly ProductStatus[] = ['draft', 'rejected'];
