import { LedgerService } from '@hst/ledger';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startApi, TestApi } from './support/app';
import { adminToken, registerSubject, TestSubject } from './support/factories';
import { approvedOrder, deposit, listedProduct, OrderBody, pay, walletBalance } from './support/trading-factories';

const BUYERS = 20;
const CALLS_PER_BUYER = 10;
const PRICE_FEN = 1_000;
const FUNDS_FEN = 2_500; // enough for two of each buyer's three orders

/** 200 parallel payments across 20 buyers, reusing keys and racing on the same orders. */
describe('Trading: concurrent payments (e2e)', () => {
  let api: TestApi;
  let db: DataSource;
  let ledger: LedgerService;
  let admin: string;
  let vendor: TestSubject;
  let productId: string;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    ledger = api.app.get(LedgerService);
    admin = await adminToken(api);
    vendor = await registerSubject(api, { roles: ['vendor'], approveWith: admin });
    productId = await listedProduct(api, admin, vendor, { pricing: { model: 'one_time', priceFen: PRICE_FEN } });
  }, 30_000);
  afterAll(() => api.app.close());

  it('should never charge twice, never overdraw, and keep the ledger balanced', async () => {
    const parties = await Promise.all(
      Array.from({ length: BUYERS }, async () => {
        const buyer = await registerSubject(api, { roles: ['buyer'], approveWith: admin });
        await deposit(api, admin, buyer.subjectId, FUNDS_FEN);
        const orders: OrderBody[] = [];
        for (let i = 0; i < 3; i += 1) orders.push(await approvedOrder(api, buyer, vendor, productId));
        return { buyer, orders };
      }),
    );

    // Per buyer: 4 calls share one key on order 0; 3 fresh keys race on order 1; 3 fresh keys race on order 2.
    const calls = parties.flatMap(({ buyer, orders }) => {
      const shared = randomUUID();
      return Array.from({ length: CALLS_PER_BUYER }, (_, i) => {
        const [order, key] = i < 4 ? [orders[0], shared] : [orders[i < 7 ? 1 : 2], randomUUID()];
        return { buyer, order, key, shared: i < 4 };
      });
    });
    expect(calls).toHaveLength(200);
    const answers = await Promise.all(calls.map((c) => pay(api, c.buyer, c.order.id, c.key)));

    expect(answers.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    for (const { buyer, orders } of parties) {
      const sharedAnswers = answers.filter((_, i) => calls[i].shared && calls[i].buyer === buyer);
      expect(new Set(sharedAnswers.map((r) => `${r.status} ${r.text}`)).size).toBe(1); // one answer, replayed

      const ids = orders.map((o) => o.id);
      const transfers = await db.query<{ order_id: string; n: number }[]>(
        `SELECT order_id, count(*)::int AS n FROM ledger_transfers WHERE order_id = ANY($1) GROUP BY order_id`,
        [ids],
      );
      expect(transfers.every((t) => t.n === 1)).toBe(true); // never charged twice
      const delivered = await db.query<{ id: string }[]>(
        `SELECT id FROM orders WHERE id = ANY($1) AND status = 'delivered'`,
        [ids],
      );
      expect(delivered.map((o) => o.id).sort()).toEqual(transfers.map((t) => t.order_id).sort());
      expect(delivered.length).toBe(2); // the funds pay for exactly two orders, whoever wins the races
      const balance = await walletBalance(api, buyer);
      expect(balance).toBe(FUNDS_FEN - delivered.length * PRICE_FEN);
      expect(balance).toBeGreaterThanOrEqual(0);
    }
    const trial = await ledger.trialBalance();
    expect(trial.totalFen).toBe(0);
    for (const a of trial.accounts) if (a.account !== 'bank') expect(a.balanceFen).toBeGreaterThanOrEqual(0);
    expect(await ledger.reconcile()).toEqual([]);
  }, 60_000);
});
