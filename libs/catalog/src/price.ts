import { MAX_AMOUNT_FEN } from '@hst/common';
import { ProductErrorCode, ProductException } from './exceptions/product.exception';

/** A price in integer fen: > 0 (the DTO says so, 400) and ≤ 10^13 (a business rule, 422). */
export function checkedPriceFen(value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0 || value > MAX_AMOUNT_FEN) {
    throw new ProductException(ProductErrorCode.PriceOutOfRange);
  }
  return value;
}
