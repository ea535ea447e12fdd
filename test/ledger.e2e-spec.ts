import { configModule, validateEnv } from '@hst/common';
import { DatabaseModule } from '@hst/database';
import {
  LedgerErrorCode,
  LedgerException,
  LedgerModule,
  LedgerReconciliation,
  LedgerService,
  TransferSpec,
  walletOf,
} from '@hst/ledger';
import { isolatedDatabase, startApi, TestApi } from './support/app';
import { adminToken, createPlatformSubject, registerSubject, TestSubject } from './support/factories';
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
});

/** Breaks the ledger on purpose, so in a database of its own: other files check the invariants meanwhile. */
describe('Ledger reconciliation through the API (e2e)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let api: TestApi;
  let admin: string;
  let regulator: TestSubject;
  let ledger: LedgerService;
  let db: DataSource;

  beforeAll(async () => {
    database = await isolatedDatabase('ledger_tamper');
    api = await startApi({ DATABASE_URL: database.url });
    admin = await adminToken(api);
    regulator = await createPlatformSubject(api, admin);
    ledger = api.app.get(LedgerService);
    db = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api.app.close();
    await database.drop();
  });

  const get = (path: string, token: string) => api.http().get(`/api/v1${path}`).auth(token, { type: 'bearer' });

  it('should show the trial balance and the transfer journal to admins and regulators only', async () => {
    const subject = randomUUID();
    const wallet = await db.transaction((m) => ledger.openWallet(m, subject));
    await db.transaction((m) =>
      ledger.post(m, [{ debit: 'bank', credit: wallet, amountFen: 700, kind: 'deposit', reference: 'r-1' }]),
    );
    const trial = await get('/ledger/trial-balance', regulator.token).expect(200);
    expect(trial.body.totalFen).toBe(0);
    expect(trial.body.accounts).toEqual(
      expect.arrayContaining([
        { account: 'bank', balanceFen: -700 },
        { account: wallet, balanceFen: 700 },
        { account: 'escrow', balanceFen: 0 },
      ]),
    );
    expect(trial.body.transferCount).toBe(1);
    const journal = await get(`/ledger/transfers?account=${wallet}`, admin).expect(200);
    expect(journal.body.items).toEqual([
      expect.objectContaining({
        debitAccount: 'bank',
        creditAccount: wallet,
        amountFen: 700,
        kind: 'deposit',
        reference: 'r-1',
      }),
    ]);
    await get('/ledger/transfers?account=nobody', admin).expect(400);
    const vendor = await registerSubject(api, { approveWith: admin });
    await get('/ledger/trial-balance', vendor.token).expect(403);
  });

  it('should refuse every edit, delete and truncate of transfers and entries, whoever asks', async () => {
    const wallet = await db.transaction((m) => ledger.openWallet(m, randomUUID()));
    const [posted] = await db.transaction((m) =>
      ledger.post(m, [{ debit: 'bank', credit: wallet, amountFen: 10, kind: 'deposit' }]),
    );
    const refused = /append-only/;
    await expect(
      db.query('UPDATE ledger_entries SET amount_fen = 11 WHERE transfer_id = $1', [posted.transferId]),
    ).rejects.toThrow(refused);
    await expect(
      db.query('UPDATE ledger_transfers SET amount_fen = 11 WHERE id = $1', [posted.transferId]),
    ).rejects.toThrow(refused);
    await expect(db.query('DELETE FROM ledger_entries WHERE transfer_id = $1', [posted.transferId])).rejects.toThrow(
      refused,
    );
    await expect(db.query('DELETE FROM ledger_transfers WHERE id = $1', [posted.transferId])).rejects.toThrow(refused);
    // In a transaction rolled back whatever happens: the other files' ledgers live in this database too.
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      await expect(runner.query('TRUNCATE ledger_entries, ledger_transfers')).rejects.toThrow(refused);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await ledger.balance(wallet)).toBe(10);
    expect(await ledger.reconcile()).toEqual([]);
  });

  it('should raise one ledger_mismatch alert for a tampered balance, and let a regulator acknowledge it', async () => {
    const wallet = await db.transaction((m) => ledger.openWallet(m, randomUUID()));
    await db.transaction((m) => ledger.post(m, [{ debit: 'bank', credit: wallet, amountFen: 10, kind: 'deposit' }]));
    await db.query('UPDATE ledger_balances SET balance_fen = balance_fen + 1 WHERE account_id = $1', [wallet]);
    const reconciliation = api.app.get(LedgerReconciliation);
    expect(await reconciliation.run()).toEqual([
      { kind: 'balance_mismatch', accountId: wallet, shard: 0, balanceFen: 11, entriesFen: 10 },
    ]);
    await reconciliation.run(); // repeatable: still one open alert
    const alerts = await get('/alerts?rule=ledger_mismatch&status=open', regulator.token).expect(200);
    expect(alerts.body.items).toEqual([
      expect.objectContaining({
        rule: 'ledger_mismatch',
        severity: 'critical',
        entityType: 'ledger_balance',
        entityId: `${wallet}#0`,
        status: 'open',
      }),
    ]);
    await get('/alerts', admin).expect(403);
    const id = alerts.body.items[0].id as string;
    const acked = await api
      .http()
      .post(`/api/v1/alerts/${id}/ack`)
      .auth(regulator.token, { type: 'bearer' })
      .expect(200);
    expect(acked.body.status).toBe('acknowledged');
    await api.http().post(`/api/v1/alerts/${id}/ack`).auth(regulator.token, { type: 'bearer' }).expect(409);
    await db.query('UPDATE ledger_balances SET balance_fen = balance_fen - 1 WHERE account_id = $1', [wallet]);
    expect(await ledger.reconcile()).toEqual([]);
  });
});
