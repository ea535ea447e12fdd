import { balanceKey, balancesAfter, legsOf, netDeltas, TransferSpec } from './ledger-legs';
import { LedgerException } from './exceptions/ledger.exception';

describe(legsOf.name, () => {
  const order = '0f8b2c1e-4c6a-4d2b-9f0e-1a2b3c4d5e6f';
  const settle: TransferSpec[] = [
    { debit: 'escrow', credit: 'wallet:v', amountFen: 9700, kind: 'settlement', orderId: order },
    { debit: 'escrow', credit: 'platform_fee', amountFen: 300, kind: 'platform_fee', orderId: order },
  ];

  it('should debit and credit each transfer, releasing an order from one escrow shard', () => {
    const sut = legsOf(settle, ['t1', 't2']);
    expect(sut.map((l) => [l.accountId, l.amountFen])).toEqual([
      ['escrow', -9700],
      ['wallet:v', 9700],
      ['escrow', -300],
      ['platform_fee', 300],
    ]);
    expect(sut[0].shard).toBe(sut[2].shard);
    expect(sut.reduce((s, l) => s + l.amountFen, 0)).toBe(0);
  });

  it('should refuse zero, negative, fractional and oversized amounts', () => {
    for (const amountFen of [0, -1, 1.5, 10 ** 13 + 1]) {
      expect(() => legsOf([{ ...settle[0], amountFen }], ['t'])).toThrow(LedgerException);
    }
  });
});

describe(netDeltas.name, () => {
  it('should net the legs per row and sort rows in one global order', () => {
    const legs = legsOf(
      [
        { debit: 'wallet:b', credit: 'escrow', amountFen: 10, kind: 'payment', shardKey: 'k' },
        { debit: 'escrow', credit: 'wallet:a', amountFen: 4, kind: 'refund', shardKey: 'k' },
      ],
      ['t1', 't2'],
    );
    const sut = netDeltas(legs);
    expect(sut.map((r) => [r.accountId, r.deltaFen])).toEqual([
      ['escrow', 6],
      ['wallet:a', 4],
      ['wallet:b', -10],
    ]);
  });
});

describe(balancesAfter.name, () => {
  it('should give each leg the balance of its row right after it', () => {
    const legs = legsOf(
      [
        { debit: 'wallet:b', credit: 'escrow', amountFen: 10, kind: 'payment', shardKey: 'k' },
        { debit: 'wallet:b', credit: 'escrow', amountFen: 5, kind: 'payment', shardKey: 'k' },
      ],
      ['t1', 't2'],
    );
    const escrowShard = legs[1].shard;
    const finals = new Map([
      [balanceKey('wallet:b', 0), 85],
      [balanceKey('escrow', escrowShard), 15],
    ]);
    expect(balancesAfter(legs, finals)).toEqual([90, 10, 85, 15]);
  });
});
