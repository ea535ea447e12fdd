import { LedgerService } from '@hst/ledger';
import { DataSource } from 'typeorm';
import { seedDemo } from '../seeds/demo';
import { isolatedDatabase, startApi, TestApi } from './support/app';

type Page = { items: { title: string; status: string }[]; total: number };

describe('Demo seed (e2e)', () => {
  // A database of its own: the seed loads only into a database without market subjects.
  let db: Awaited<ReturnType<typeof isolatedDatabase>>;
  let api: TestApi;
  let summary: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    db = await isolatedDatabase('demo_seed');
    api = await startApi({ DATABASE_URL: db.url, REDIS_PREFIX: `${process.env.REDIS_PREFIX}-demo` });
    summary = await seedDemo(api.app);
  });
  afterAll(async () => {
    await api?.app.close();
    await db?.drop();
  });

  it('should list every demo product in the public catalog, found by Chinese substring', async () => {
    expect(summary).not.toBeNull();
    const all = await api.http().get('/api/v1/products?limit=50').expect(200);
    expect((all.body as Page).items.map((p) => p.title).sort()).toEqual(summary!.products.map((p) => p.title).sort());
    expect((all.body as Page).items.every((p) => p.status === 'listed')).toBe(true);

    const found = await api
      .http()
      .get(`/api/v1/products?q=${encodeURIComponent('气象')}`)
      .expect(200);
    expect((found.body as Page).items.map((p) => p.title)).toEqual(['武汉市分区逐小时气象观测数据']);
  });

  it('should let a demo user log in with the demo password', async () => {
    const buyer = summary!.subjects.find((s) => s.roles.includes('buyer'))!;
    await api.http().post('/api/v1/auth/login').send({ email: buyer.email, password: summary!.password }).expect(200);
  });

  it('should leave the trades in their states and the ledger balanced', async () => {
    expect(summary!.trades.map((t) => t.orderNo === null)).toEqual([false, false, true]);
    const orders = await api.app
      .get(DataSource)
      .query<{ status: string; confirmed: boolean }[]>(
        'SELECT status, confirmed_at IS NOT NULL AS confirmed FROM orders ORDER BY order_no',
      );
    expect(orders).toEqual([
      { status: 'delivered', confirmed: true },
      { status: 'delivered', confirmed: false },
    ]);
    const ledger = api.app.get(LedgerService);
    expect((await ledger.trialBalance()).totalFen).toBe(0);
    expect(await ledger.reconcile()).toEqual([]);
  });

  it('should load nothing into a database that already has market subjects', async () => {
    const count = () => api.app.get(DataSource).query<{ n: number }[]>('SELECT count(*)::int AS n FROM subjects');
    const before = await count();
    expect(await seedDemo(api.app)).toBeNull();
    expect(await count()).toEqual(before);
  });
});
