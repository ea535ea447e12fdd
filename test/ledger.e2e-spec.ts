import { configModule, validateEnv } from '@hst/common';
import { DatabaseModule } from '@hst/database';
import { LedgerErrorCode, LedgerException, LedgerModule, LedgerService, TransferSpec, walletOf } from '@hst/ledger';
import { Test, TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** The ledger against real PostgreSQL: invariants after every transaction, under concurrency. */
describe('Ledger (integration)', () => {
  let moduleRef: TestingModule;
  let ledger: LedgerService;
  let db: DataSource;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [configModule(validateEnv(process.env)), DatabaseModule, LedgerModule],
    }).compile();
    await moduleRef.init();
    ledger = moduleRef.get(LedgerService);
    db = moduleRef.get(DataSource);
  });
  afterAll(() => moduleRef.close());

  const open = (subjectId = randomUUID()) => db.transaction((m) => ledger.openWallet(m, subjectId));
  const deposit = (wallet: ReturnType<typeof walletOf>, amountFen: number) =>
    db.transaction((m) => ledger.post(m, [{ debit: 'bank', credit: wallet, amountFen, kind: 'deposit' }]));

  async function expectInvariants(): Promise<void> {
    const trial = await ledger.trialBalance();
    expect(trial.totalFen).toBe(0);
    for (const a of trial.accounts) if (a.account !== 'bank') expect(a.balanceFen).toBeGreaterThanOrEqual(0);
    expect(await ledger.reconcile()).toEqual([]);
  }

  it('should move a deposit from the bank into a wallet, with statement balances', async () => {
    const wallet = await open();
    const [posted] = await deposit(wallet, 12_345);
    expect(posted.balancesAfter.credit).toBe(12_345);
    await deposit(wallet, 5);
    expect(await ledger.balance(wallet)).toBe(12_350);
    const entries = await db.query<{ amount_fen: string; balance_after_fen: string }[]>(
      'SELECT amount_fen, balance_after_fen FROM ledger_entries WHERE account_id = $1 ORDER BY id',
      [wallet],
    );
    expect(entries.map((e) => [Number(e.amount_fen), Number(e.balance_after_fen)])).toEqual([
      [12_345, 12_345],
      [5, 12_350],
    ]);
    await expectInvariants();
  });

  it('should refuse an overdraft with 409 and post nothing of the batch', async () => {
    const wallet = await open();
    await deposit(wallet, 100);
    const [{ n: before }] = await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM ledger_transfers');
    const order = randomUUID();
    const attempt = db.transaction((m) =>
      ledger.post(m, [
        { debit: wallet, credit: 'escrow', amountFen: 60, kind: 'payment', orderId: order },
        { debit: wallet, credit: 'escrow', amountFen: 60, kind: 'payment', orderId: order },
      ]),
    );
    await expect(attempt).rejects.toMatchObject({ code: LedgerErrorCode.InsufficientFunds });
    await expect(attempt).rejects.toBeInstanceOf(LedgerException);
    expect(await ledger.balance(wallet)).toBe(100);
    const [{ n: after }] = await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM ledger_transfers');
    expect(after).toBe(before);
  });

  it('should refuse unknown accounts and bad amounts', async () => {
    await expect(
      db.transaction((m) =>
        ledger.post(m, [{ debit: 'bank', credit: walletOf(randomUUID()), amountFen: 1, kind: 'deposit' }]),
      ),
    ).rejects.toMatchObject({ code: LedgerErrorCode.UnknownAccount });
    const wallet = await open();
    await expect(deposit(wallet, 0)).rejects.toMatchObject({ code: LedgerErrorCode.InvalidAmount });
    await expect(deposit(wallet, 10 ** 13 + 1)).rejects.toMatchObject({ code: LedgerErrorCode.InvalidAmount });
  });

  it('should keep every invariant under 200 concurrent payments and settlements by 20 buyers', async () => {
    const vendor = await open();
    const buyers = await Promise.all(Array.from({ length: 20 }, () => open()));
    await Promise.all(buyers.map((b) => deposit(b, 1_000)));
    const paid: { buyer: string; order: string; amount: number }[] = [];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, async (_, i) => {
        const buyer = buyers[i % buyers.length];
        const order = randomUUID();
        const amount = 50 + (i % 7) * 25; // ten payments of 50..200 per buyer overdraw some wallets
        await db.transaction((m) =>
          ledger.post(m, [{ debit: buyer, credit: 'escrow', amountFen: amount, kind: 'payment', orderId: order }]),
        );
        paid.push({ buyer, order, amount });
      }),
    );
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'insufficient_funds' });

    await Promise.all(
      paid.map(({ order, amount }) =>
        db.transaction((m) =>
          ledger.post(
            m,
            (<TransferSpec[]>[
              {
                debit: 'escrow',
                credit: vendor,
                amountFen: amount - Math.floor((amount * 300) / 10_000),
                kind: 'settlement',
                orderId: order,
              },
              {
                debit: 'escrow',
                credit: 'platform_fee',
                amountFen: Math.floor((amount * 300) / 10_000),
                kind: 'platform_fee',
                orderId: order,
              },
            ]).filter((t) => t.amountFen > 0),
          ),
        ),
      ),
    );
    for (const buyer of buyers) {
      const spent = paid.filter((p) => p.buyer === buyer).reduce((s, p) => s + p.amount, 0);
      expect(await ledger.balance(buyer)).toBe(1_000 - spent);
    }
    const total = paid.reduce((s, p) => s + p.amount, 0);
    const fees = paid.reduce((s, p) => s + Math.floor((p.amount * 300) / 10_000), 0);
    expect(await ledger.balance(vendor)).toBe(total - fees);
    await expectInvariants();
  });

  it('should find a balance row that no longer equals its entries', async () => {
    const wallet = await open();
    await deposit(wallet, 10);
    await db.query('UPDATE ledger_balances SET balance_fen = balance_fen + 1 WHERE account_id = $1', [wallet]);
    try {
      expect(await ledger.reconcile()).toEqual([
        { kind: 'balance_mismatch', accountId: wallet, shard: 0, balanceFen: 11, entriesFen: 10 },
      ]);
    } finally {
      await db.query('UPDATE ledger_balances SET balance_fen = balance_fen - 1 WHERE account_id = $1', [wallet]);
    }
    expect(await ledger.reconcile()).toEqual([]);
  });
});
