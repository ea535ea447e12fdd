import { buildProductSearch, ProductsQuery } from '@hst/catalog';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startApi, TestApi } from './support/app';
import { CertifiedData, createListedProduct, createProduct } from './support/catalog-factories';
import { adminToken, registerSubject, TestSubject } from './support/factories';
import { issueCertificate } from './support/registry-factories';

type Page = { items: { id: string; title: string; status: string }[]; total: number; nextCursor: string | null };

describe('Catalog search (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let vendor: TestSubject;
  const ids: Record<'p1' | 'p2' | 'p3' | 'p4' | 'p5', string> = { p1: '', p2: '', p3: '', p4: '', p5: '' };
  let draftId: string;

  async function certify(holder: TestSubject, category: string, sourceType: 'enterprise' | 'third_party') {
    const records = [{ id: randomBytes(6).toString('hex') }];
    const { certNo } = await issueCertificate(api, admin, holder, {
      records,
      category,
      sourceType,
      rights: ['holding', 'processing', 'operation'],
    });
    return { certNo, records, category, sourceType } satisfies CertifiedData;
  }

  beforeAll(async () => {
    api = await startApi();
    admin = await adminToken(api);
    vendor = await registerSubject(api, { roles: ['vendor'], approveWith: admin });
    const traffic = await certify(vendor, '交通出行', 'enterprise');
    const health = await certify(vendor, '医疗健康', 'third_party');
    const list = (cert: CertifiedData, o: Parameters<typeof createListedProduct>[4]) =>
      createListedProduct(api, admin, vendor, cert, o);
    // Listed one after another: newest first is p5, p4, p3, p2, p1.
    ids.p1 = await list(traffic, {
      title: '智能网联汽车轨迹数据',
      summary: '武汉经开区测试车辆 GPS Trajectories',
      tags: ['车联网', 'GPS'],
      deliveryMode: 'api',
      pricing: { model: 'per_call', priceFen: 50 },
    });
    ids.p2 = await list(traffic, {
      title: '城市公交客流数据',
      summary: '公交刷卡与网联调度记录',
      tags: ['公交'],
      deliveryMode: 'file',
      pricing: { model: 'one_time', priceFen: 200_000 },
    });
    ids.p3 = await list(traffic, {
      title: '道路传感器流量',
      summary: 'Traffic flow from road sensors',
      tags: ['traffic', '网联'],
      deliveryMode: 'api',
      pricing: { model: 'subscription', priceFen: 80_000 },
    });
    ids.p4 = await list(health, {
      title: '医院门诊量统计',
      summary: 'Hospital outpatient visits',
      tags: ['医疗'],
      deliveryMode: 'file',
      pricing: { model: 'subscription', priceFen: 30_000 },
    });
    ids.p5 = await list(traffic, {
      title: 'Traffic Accident Reports',
      summary: '交通事故记录',
      tags: ['安全'],
      deliveryMode: 'sandbox',
      pricing: { model: 'one_time', priceFen: 120_000 },
    });
    draftId = (await createProduct(api, vendor, { title: '网联草稿', certNo: traffic.certNo })).id;
  });
  afterAll(() => api.app.close());

  /** Searches the public catalog within this file's vendor (other files list products in the same database). */
  async function search(query: string, status = 200): Promise<Page> {
    const sep = query ? '&' : '';
    const res = await api.http().get(`/api/v1/products?vendorId=${vendor.subjectId}${sep}${encodeURI(query)}`);
    expect({ status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({ status, body: 'ok' });
    return res.body as Page;
  }
  const idsOf = (page: Page) => page.items.map((i) => i.id);

  it('should find a 2-character Chinese substring in titles, summaries and tags, title hits first', async () => {
    const page = await search('q=网联');
    expect(page.total).toBe(3);
    expect(idsOf(page)[0]).toBe(ids.p1);
    expect(idsOf(page).sort()).toEqual([ids.p1, ids.p2, ids.p3].sort());
    expect(idsOf(page)).not.toContain(draftId);
    expect(page.items[0]).toEqual({
      id: ids.p1,
      title: '智能网联汽车轨迹数据',
      summary: '武汉经开区测试车辆 GPS Trajectories',
      category: '交通出行',
      tags: ['车联网', 'GPS'],
      vendor: { id: vendor.subjectId, name: expect.any(String) },
      pricing: { model: 'per_call', priceFen: 50 },
      deliveryMode: 'api',
      sourceType: 'enterprise',
      status: 'listed',
      listedAt: expect.any(String),
    });
  });

  it('should find 1-character and longer Chinese queries, and need every term of a multi-term query', async () => {
    expect(idsOf(await search('q=网')).sort()).toEqual([ids.p1, ids.p2, ids.p3].sort());
    expect(idsOf(await search('q=智能网联汽车'))).toEqual([ids.p1]);
    expect(idsOf(await search('q=gps 车联网'))).toEqual([ids.p1]);
    expect(await search('q=汽车公交')).toEqual({ items: [], total: 0, nextCursor: null });
  });

  it('should match Latin text case-insensitively (and full-width letters), title hits first', async () => {
    expect(idsOf(await search('q=TRAFFIC'))).toEqual([ids.p5, ids.p3]);
    expect(idsOf(await search('q=ｔｒａｆｆｉｃ'))).toEqual([ids.p5, ids.p3]);
    expect(idsOf(await search('q=outpatient'))).toEqual([ids.p4]);
  });

  it('should filter by category, delivery mode, pricing model, source type and price range', async () => {
    expect(idsOf(await search('category=医疗健康'))).toEqual([ids.p4]);
    expect(idsOf(await search('deliveryMode=sandbox'))).toEqual([ids.p5]);
    expect(idsOf(await search('pricingModel=subscription'))).toEqual([ids.p4, ids.p3]);
    expect(idsOf(await search('sourceType=third_party'))).toEqual([ids.p4]);
    expect(idsOf(await search('minPriceFen=50000&maxPriceFen=150000'))).toEqual([ids.p5, ids.p3]);
    expect(idsOf(await search('q=网联&deliveryMode=api&sort=price_asc'))).toEqual([ids.p1, ids.p3]);
    await search('deliveryMode=email', 400);
    await search('minPriceFen=-1', 400);
    await search('vendorId=nope', 400);
  });

  it('should sort newest first by default, and by price either way', async () => {
    const { p1, p2, p3, p4, p5 } = ids;
    expect(idsOf(await search(''))).toEqual([p5, p4, p3, p2, p1]);
    expect(idsOf(await search('sort=newest'))).toEqual([p5, p4, p3, p2, p1]);
    expect(idsOf(await search('sort=price_asc'))).toEqual([p1, p4, p3, p5, p2]);
    expect(idsOf(await search('sort=price_desc'))).toEqual([p2, p5, p3, p4, p1]);
    expect(idsOf(await search('sort=relevance'))).toEqual([p5, p4, p3, p2, p1]); // no q: newest
  });

  it.each(['newest', 'price_asc', 'price_desc', 'relevance'])(
    'should page through sort=%s with keyset cursors, the same total on every page',
    async (sort) => {
      const q = sort === 'relevance' ? '&q=网联' : '';
      const all = idsOf(await search(`sort=${sort}${q}`));
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page = await search(
          `sort=${sort}${q}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(page.total).toBe(all.length);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...idsOf(page));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null);
      expect(seen).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / 2));
    },
  );

  it('should refuse a limit above 100, a foreign or forged cursor with 400', async () => {
    await search('limit=101', 400);
    await search('limit=0', 400);
    await search('cursor=bm9wZQ', 400);
    const first = await search('sort=newest&limit=1');
    await search(`sort=price_asc&cursor=${first.nextCursor}`, 400);
  });

  it('should keep the total when a cursor reaches past the last page', async () => {
    const page = await search('sort=price_asc&limit=5');
    const lastId = page.items[4].id;
    const beyond = Buffer.from(JSON.stringify({ k: 'price_asc', p: 200_000, id: lastId })).toString('base64url');
    expect(await search(`sort=price_asc&cursor=${beyond}`)).toEqual({ items: [], total: 5, nextCursor: null });
  });

  it('should answer a text query from the grams index', async () => {
    const db = api.app.get(DataSource);
    const query = Object.assign(new ProductsQuery(), { q: '网联', limit: 20 });
    const { sql, params } = buildProductSearch({ kind: 'public' }, query);
    // The catalog here is tiny, so the planner would rightly read it whole or walk a btree index. In a
    // transaction that is rolled back, take the btree indexes away: what remains is whether the grams index can
    // answer the query.
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    let plan: string;
    try {
      await runner.query(
        'DROP INDEX "IDX_products_listed_at_id", "IDX_products_price_fen_id", "IDX_products_vendor_id_created_at", "IDX_products_cert_no"',
      );
      await runner.query('SET LOCAL enable_seqscan = off');
      await runner.query('SET LOCAL enable_indexscan = off');
      const rows = await runner.query(`EXPLAIN ${sql}`, params);
      plan = (rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(plan).toMatch(/Bitmap Index Scan on "IDX_products_search_grams".*\n\s+Index Cond: \(search_grams @> /);
  });
});
