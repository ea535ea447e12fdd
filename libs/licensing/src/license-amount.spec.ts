import { MAX_AMOUNT_FEN } from '@hst/common';
import { licenseAmountFen } from './license-amount';

describe(licenseAmountFen.name, () => {
  const sut = licenseAmountFen;

  it('should charge the price once for one_time, whatever the term', () => {
    expect(sut({ model: 'one_time', priceFen: 12_345 }, 365, null)).toBe(12_345);
  });

  it('should charge subscriptions per started 30 days', () => {
    expect(sut({ model: 'subscription', priceFen: 1_000 }, 1, null)).toBe(1_000);
    expect(sut({ model: 'subscription', priceFen: 1_000 }, 30, null)).toBe(1_000);
    expect(sut({ model: 'subscription', priceFen: 1_000 }, 31, null)).toBe(2_000);
    expect(sut({ model: 'subscription', priceFen: 1_000 }, 365, null)).toBe(13_000);
  });

  it('should charge per_call as price × calls', () => {
    expect(sut({ model: 'per_call', priceFen: 50 }, 30, 1_000)).toBe(50_000);
  });

  it('should accept exactly 10^13 and refuse anything above it', () => {
    expect(sut({ model: 'one_time', priceFen: MAX_AMOUNT_FEN }, 1, null)).toBe(MAX_AMOUNT_FEN);
    expect(sut({ model: 'per_call', priceFen: MAX_AMOUNT_FEN }, 1, 2)).toBeUndefined();
    expect(sut({ model: 'subscription', priceFen: MAX_AMOUNT_FEN / 2 }, 61, null)).toBeUndefined();
    // 9e12 × 1e9 is far beyond 2^53: the product must not round into range.
    expect(sut({ model: 'per_call', priceFen: 9_000_000_000_000 }, 1, 1_000_000_000)).toBeUndefined();
  });
});
