import { bpsOf, shanghaiDate } from '@hst/common';

export type OrderFees = { platformFeeFen: number; authorityShareFen: number };

/**
 * The platform fee and the public-data authority's share of an order, each floor(amount × bps / 10000)
 * (money.ts); the share is 0 unless the product is public-source. undefined when together they would
 * exceed the amount (a configuration the exchange refuses, 422).
 */
export function orderFees(
  amountFen: number,
  platformFeeBps: number,
  authorityShareBps: number | null,
): OrderFees | undefined {
  // Rates above 100 % together would leave a partial refund's vendor share negative: refused whatever the amount.
  if (platformFeeBps + (authorityShareBps ?? 0) > 10_000) return undefined;
  const platformFeeFen = bpsOf(amountFen, platformFeeBps);
  const authorityShareFen = authorityShareBps === null ? 0 : bpsOf(amountFen, authorityShareBps);
  return platformFeeFen + authorityShareFen <= amountFen ? { platformFeeFen, authorityShareFen } : undefined;
}

/** The Asia/Shanghai business date of an order number: 'YYYYMMDD'. */
export const orderDay = (at: Date): string => shanghaiDate(at).replaceAll('-', '');

/** `HST` + YYYYMMDD + the day's 6-digit sequence. */
export function orderNo(day: string, sequence: number): string {
  return `HST${day}${String(sequence).padStart(6, '0')}`;
}
