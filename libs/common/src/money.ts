/**
 * Money is integer fen (分). Amounts never exceed 10^13 fen, so a JS number holds every one exactly;
 * products with basis points are computed in BigInt so no intermediate loses precision.
 */
export const MAX_AMOUNT_FEN = 10_000_000_000_000;

export class MoneyError extends RangeError {}

/** The value as fen, or a MoneyError: a safe integer within ±10^13 × 10^3 (sums of many amounts fit). */
export function fen(value: number): number {
  if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_AMOUNT_FEN * 1000) {
    throw new MoneyError(`${value} is not an amount of fen`);
  }
  return value;
}

export function addFen(a: number, b: number): number {
  return fen(fen(a) + fen(b));
}

export function subFen(a: number, b: number): number {
  return fen(fen(a) - fen(b));
}

/** floor(amount × bps / 10000): fees and shares round down, in the payer's favour of the rest. */
export function bpsOf(amount: number, bps: number): number {
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) throw new MoneyError(`${bps} is not a number of basis points`);
  return Number((BigInt(fen(amount)) * BigInt(bps)) / 10_000n);
}

/** TypeORM transformer: PostgreSQL bigint arrives as a string. */
export const bigintFenTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
