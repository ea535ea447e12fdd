import { settlementTransfers } from './settlement';

describe(settlementTransfers.name, () => {
  const order = {
    id: 'o',
    buyerId: 'b',
    vendorId: 'v',
    amountFen: 10_000,
    platformFeeFen: 300,
    authorityShareFen: 1_000,
    platformFeeBps: 300,
    authorityShareBps: 1_000,
    refundFen: 0,
  };
  const total = (t: { amountFen: number }[]) => t.reduce((s, x) => s + x.amountFen, 0);

  it('should pay vendor, platform and authority exactly the amount', () => {
    const sut = settlementTransfers(order);
    expect(sut.map((t) => [t.credit, t.amountFen, t.kind])).toEqual([
      ['wallet:v', 8_700, 'settlement'],
      ['platform_fee', 300, 'platform_fee'],
      ['public_data_authority', 1_000, 'authority_share'],
    ]);
    expect(total(sut)).toBe(10_000);
    expect(sut.every((t) => t.debit === 'escrow' && t.orderId === 'o')).toBe(true);
  });

  it('should compute fee and share on amount − refund after a partial refund', () => {
    const sut = settlementTransfers({ ...order, refundFen: 3_333 });
    expect(sut.map((t) => [t.credit, t.amountFen])).toEqual([
      ['wallet:b', 3_333],
      ['wallet:v', 6_667 - 200 - 666],
      ['platform_fee', 200], // floor(6667 × 3%)
      ['public_data_authority', 666], // floor(6667 × 10%)
    ]);
    expect(total(sut)).toBe(10_000);
  });

  it('should give everything back on a full refund', () => {
    expect(settlementTransfers({ ...order, refundFen: 10_000 }).map((t) => [t.credit, t.amountFen])).toEqual([
      ['wallet:b', 10_000],
    ]);
  });

  it('should refuse to settle rather than take other orders’ escrow when the rates exceed 100 %', () => {
    const greedy = {
      ...order,
      amountFen: 6,
      platformFeeFen: 3,
      authorityShareFen: 3,
      platformFeeBps: 6_000,
      authorityShareBps: 6_000,
    };
    expect(() => settlementTransfers({ ...greedy, refundFen: 1 })).toThrow(RangeError);
    expect(() => settlementTransfers({ ...order, refundFen: 10_001 })).toThrow(RangeError);
  });
});
