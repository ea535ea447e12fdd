import { ProductErrorCode, ProductException } from './exceptions/product.exception';

/** The largest single amount the exchange accepts: 10^13 fen (1000亿元). */
export const MAX_AMOUNT_FEN = 10_000_000_000_000;

/** A price in integer fen: > 0 (the DTO says so, 400) and ≤ 10^13 (a business rule, 422). */
export function checkedPriceFen(value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0 || value > MAX_AMOUNT_FEN) {
    throw new ProductException(ProductErrorCode.PriceOutOfRange);
  }
  return value;
}

/** PostgreSQL returns bigint as a string; money never exceeds 10^13, so a JS number holds it exactly. */
export const bigintFen = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
