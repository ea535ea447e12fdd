import { addFen, bigintFenTransformer, bpsOf, fen, MAX_AMOUNT_FEN, MoneyError, subFen } from './money';

describe(bpsOf.name, () => {
  it('should round fees down', () => {
    expect(bpsOf(999, 300)).toBe(29); // 29.97
    expect(bpsOf(100, 300)).toBe(3);
    expect(bpsOf(1, 9999)).toBe(0);
  });

  it('should stay exact at the largest amount, where amount × bps exceeds 2^53', () => {
    expect(bpsOf(MAX_AMOUNT_FEN, 300)).toBe(300_000_000_000);
    expect(bpsOf(MAX_AMOUNT_FEN - 1, 9999)).toBe(9_998_999_999_999);
  });

  it('should refuse basis points outside 0..10000', () => {
    expect(() => bpsOf(100, 10_001)).toThrow(MoneyError);
    expect(() => bpsOf(100, 1.5)).toThrow(MoneyError);
  });
});

describe(fen.name, () => {
  it('should refuse fractions, NaN and unsafe integers', () => {
    expect(() => fen(1.5)).toThrow(MoneyError);
    expect(() => fen(Number.NaN)).toThrow(MoneyError);
    expect(() => fen(2 ** 60)).toThrow(MoneyError);
  });

  it('should add and subtract exactly', () => {
    expect(addFen(500_000_000_000, 1)).toBe(500_000_000_001);
    expect(subFen(1, 2)).toBe(-1);
  });
});

describe('bigintFenTransformer', () => {
  it('should read PostgreSQL bigint strings as numbers', () => {
    expect(bigintFenTransformer.from('10000000000000')).toBe(10 ** 13);
    expect(bigintFenTransformer.from(null)).toBeNull();
  });
});
