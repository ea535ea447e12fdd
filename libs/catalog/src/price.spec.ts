import { DomainError, ErrorKind, MAX_AMOUNT_FEN } from '@hst/common';
import { checkedPriceFen } from './price';

describe(checkedPriceFen.name, () => {
  it('should accept 1 fen up to 10^13 fen', () => {
    expect(checkedPriceFen(1)).toBe(1);
    expect(checkedPriceFen(500_000_000_000)).toBe(500_000_000_000);
    expect(checkedPriceFen(MAX_AMOUNT_FEN)).toBe(10 ** 13);
  });

  it.each([MAX_AMOUNT_FEN + 1, 1e20, 0, -5, 1.5])('should refuse %p with a 422', (value) => {
    try {
      checkedPriceFen(value);
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as DomainError).kind).toBe(ErrorKind.Rejected);
    }
  });
});
