import { orderDay, orderFees, orderNo } from './order-pricing';

describe(orderFees.name, () => {
  const sut = orderFees;

  it('should take the platform fee and no share for a non-public product, rounding down', () => {
    expect(sut(10_000, 300, null)).toEqual({ platformFeeFen: 300, authorityShareFen: 0 });
    expect(sut(99, 300, null)).toEqual({ platformFeeFen: 2, authorityShareFen: 0 });
  });

  it('should add the authority share of a public-source product', () => {
    expect(sut(12_345, 300, 1_000)).toEqual({ platformFeeFen: 370, authorityShareFen: 1_234 });
  });

  it('should be exact at 10^13 fen', () => {
    expect(sut(10_000_000_000_000, 300, 1_500)).toEqual({
      platformFeeFen: 300_000_000_000,
      authorityShareFen: 1_500_000_000_000,
    });
  });

  it('should refuse rates that together exceed 100 %, whatever the amount', () => {
    expect(orderFees(1_000_000, 6_000, 6_000)).toBeUndefined();
    expect(orderFees(1_000_000, 300, 9_700)).toEqual({ platformFeeFen: 30_000, authorityShareFen: 970_000 });
  });

  it('should refuse fees that exceed the amount', () => {
    expect(sut(100, 6_000, 5_000)).toBeUndefined();
  });
});

describe(orderNo.name, () => {
  it('should be HST, the Shanghai date and a 6-digit sequence', () => {
    // 2026-03-01 17:30 UTC is already 2 March in Shanghai.
    expect(orderNo(orderDay(new Date('2026-03-01T17:30:00Z')), 42)).toBe('HST20260302000042');
    expect(orderNo(orderDay(new Date('2026-03-01T15:59:59Z')), 1)).toBe('HST20260301000001');
  });
});
