import { MAX_AMOUNT_FEN } from '@hst/common';
import type { PricingModel } from '@hst/catalog';

/** Subscription prices are per started period of this many days. */
export const SUBSCRIPTION_PERIOD_DAYS = 30;

/**
 * The amount of a license, in fen, per the contract: one_time → price; subscription → price ×
 * ceil(termDays / 30); per_call → price × calls. Computed in BigInt; undefined when it exceeds 10^13
 * (the caller refuses it, 422) so that no product of two large numbers loses precision.
 */
export function licenseAmountFen(
  pricing: { model: PricingModel; priceFen: number },
  termDays: number,
  calls: number | null,
): number | undefined {
  const price = BigInt(pricing.priceFen);
  let amount: bigint;
  switch (pricing.model) {
    case 'one_time':
      amount = price;
      break;
    case 'subscription':
      amount = price * BigInt(Math.ceil(termDays / SUBSCRIPTION_PERIOD_DAYS));
      break;
    case 'per_call':
      amount = price * BigInt(calls ?? 0);
      break;
  }
  return amount > 0n && amount <= BigInt(MAX_AMOUNT_FEN) ? Number(amount) : undefined;
}
