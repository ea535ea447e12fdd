import { LedgerService } from '@hst/ledger';
import { SettlementService } from '@hst/trading';
import { DataSource } from 'typeorm';
import { isolatedDatabase, startApi, TestApi } from './support/app';
import { Market, paidOrders, settlementMarket } from './support/settlement-fixtures';

/**
 * The settlement sweep, the net under lost jobs, on a database and Redis prefix of this file's own and with
 * no worker: nothing but the sweep settles here, and the orders broken on purpose are seen by no other file.
 */
describe('Settlement sweep (e2e)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let api: TestApi;
  let db: DataSource;
  let market: Market;

  beforeAll(async () => {
    database = await isolatedDatabase('settlement_sweep');
    api = await startApi({
      DATABASE_URL: database.url,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-sweep`,
      DISPUTE_WINDOW_SECONDS: '3600',
    });
    db = api.app.get(DataSource);
    market = await settlementMarket(api);
  }, 60_000);

  afterAll(async () => {
    await api?.app.close();
    await database?.drop();
  });

  const statusesOf = async (ids: string[]) =>
    (
      await db.query<{ id: string; status: string }[]>('SELECT id, status FROM orders WHERE id = ANY($1)', [ids])
    ).reduce<Record<string, string>>((all, r) => ({ ...all, [r.id]: r.status }), {});

  it('should walk past orders that cannot settle, so they never hold back the later ones', async () => {
    const [brokenA, brokenB, later, latest] = await paidOrders(api, market, 4, 1);
    // Due in this order; the first two carry rates above 100 % on a part refund: settling them would take
    // other orders' escrow, so each attempt throws.
    for (const [i, id] of [brokenA, brokenB, later, latest].entries()) {
      await db.query(`UPDATE orders SET settle_due_at = now() - make_interval(mins => 10 - $2) WHERE id = $1`, [id, i]);
    }
    await db.query(
      `UPDATE orders SET status = 'disputed', refund_fen = 1, platform_fee_bps = 9000, authority_share_bps = 9000
        WHERE id = ANY($1)`,
      [[brokenA, brokenB]],
    );

    // Two due orders per page: the first page holds only the broken ones.
    expect(await api.app.get(SettlementService).settleDue(2)).toBe(2);
    expect(await statusesOf([brokenA, brokenB, later, latest])).toEqual({
      [brokenA]: 'disputed',
      [brokenB]: 'disputed',
      [later]: 'settled',
      [latest]: 'settled',
    });
    const ledger = api.app.get(LedgerService);
    expect((await ledger.trialBalance()).totalFen).toBe(0);
    expect(await ledger.reconcile()).toEqual([]);
  });
});
