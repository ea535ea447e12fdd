import { shanghaiDate } from '@hst/common';
import { LedgerService } from '@hst/ledger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { startApi, startWorker, TestApi } from './support/app';
import { adminToken, createPlatformSubject, registerSubject, TestSubject } from './support/factories';
import { approvedOrder, deposit, listedProduct, pay, walletBalance } from './support/trading-factories';
import { until } from './support/wait';

const PRICE = 10_000;
const bearer = { type: 'bearer' } as const;

/** Daily settlement statements: settled, partly and fully refunded, public-source orders, to the fen. */
describe('Trading: statements (e2e)', () => {
  let api: TestApi;
  let worker: NestFastifyApplication;
  let db: DataSource;
  let admin: string;
  let vendor: TestSubject;
  let operator: TestSubject;
  let buyer: TestSubject;
  let regulator: TestSubject;
  let productId: string;
  let publicProductId: string;

  beforeAll(async () => {
    const env = { DISPUTE_WINDOW_SECONDS: '600', TIMER_SWEEP_INTERVAL_MS: '3600000' };
    api = await startApi(env);
    worker = await startWorker(env);
    db = api.app.get(DataSource);
    admin = await adminToken(api);
    [vendor, operator, buyer, regulator] = await Promise.all([
      registerSubject(api, { roles: ['vendor'], approveWith: admin }),
      registerSubject(api, { roles: ['operator'], approveWith: admin }),
      registerSubject(api, { roles: ['buyer'], approveWith: admin }),
      createPlatformSubject(api, admin, ['regulator']),
    ]);
    productId = await listedProduct(api, admin, vendor, { pricing: { model: 'one_time', priceFen: PRICE } });
    publicProductId = await listedProduct(api, admin, operator, {
      pricing: { model: 'one_time', priceFen: PRICE },
      sourceType: 'public',
    });
    await deposit(api, admin, buyer.subjectId, 1_000_000);
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await api.app.close();
  });

  const orderRow = async (orderId: string) =>
    (
      await db.query<{ status: string; settled_at: Date | null }[]>(
        'SELECT status, settled_at FROM orders WHERE id = $1',
        [orderId],
      )
    )[0];

  async function paidOrder(owner: TestSubject, product: string): Promise<string> {
    const order = await approvedOrder(api, buyer, owner, product);
    await pay(api, buyer, order.id).expect(200);
    return order.id;
  }

  /** Confirmed, or disputed and resolved with `refundFen`; waits for the worker; the Shanghai date it settled. */
  async function settled(owner: TestSubject, product: string, refundFen?: number): Promise<string> {
    const orderId = await paidOrder(owner, product);
    if (refundFen === undefined) {
      await api.http().post(`/api/v1/orders/${orderId}/confirm`).auth(buyer.token, bearer).expect(202);
    } else {
      const dispute = await api
        .http()
        .post(`/api/v1/orders/${orderId}/disputes`)
        .auth(buyer.token, bearer)
        .send({ reason: '与描述不符' })
        .expect(201);
      await api
        .http()
        .post(`/api/v1/disputes/${dispute.body.id as string}/resolve`)
        .auth(admin, bearer)
        .send({ refundFen, note: '裁定' })
        .expect(202);
    }
    await until(async () => ['settled', 'refunded'].includes((await orderRow(orderId)).status));
    return orderId;
  }

  const statement = (token: string, query: string) => api.http().get(`/api/v1/statements?${query}`).auth(token, bearer);

  it("should sum the vendor's day: gross, refunds, fees as transferred, and net = what its wallet received", async () => {
    const vendorBefore = await walletBalance(api, vendor);
    const ids = [
      await settled(vendor, productId),
      await settled(vendor, productId, 2_500),
      await settled(vendor, productId, PRICE),
    ];
    const dates = new Set(await Promise.all(ids.map(async (id) => shanghaiDate((await orderRow(id)).settled_at!))));
    expect(dates.size).toBe(1);
    const [date] = [...dates];
    const received = (await walletBalance(api, vendor)) - vendorBefore;
    expect(received).toBe(PRICE - 300 + (7_500 - 225));
    const expected = {
      date,
      ordersSettled: 3,
      grossFen: 3 * PRICE,
      platformFeeFen: 300 + 225,
      authorityShareFen: 0,
      refundFen: 2_500 + PRICE,
      netFen: received,
    };
    expect((await statement(vendor.token, `date=${date}`).expect(200)).body).toEqual(expected);
    expect((await statement(vendor.token, `date=${date}&vendorId=${vendor.subjectId}`).expect(200)).body).toEqual(
      expected,
    );
    expect((await statement(admin, `date=${date}&vendorId=${vendor.subjectId}`).expect(200)).body).toEqual(expected);
    expect((await statement(regulator.token, `date=${date}&vendorId=${vendor.subjectId}`).expect(200)).body).toEqual(
      expected,
    );
  });

  it("should count the data authority's share of an operator's public-source order", async () => {
    const before = await walletBalance(api, operator);
    const orderId = await settled(operator, publicProductId);
    const date = shanghaiDate((await orderRow(orderId)).settled_at!);
    const res = await statement(operator.token, `date=${date}`).expect(200);
    expect(res.body).toEqual({
      date,
      ordersSettled: 1,
      grossFen: PRICE,
      platformFeeFen: 300,
      authorityShareFen: 1_000,
      refundFen: 0,
      netFen: PRICE - 300 - 1_000,
    });
    expect((await walletBalance(api, operator)) - before).toBe(PRICE - 300 - 1_000);
  });

  it('should cut days at Asia/Shanghai midnight and leave out orders not settled', async () => {
    const other = await registerSubject(api, { roles: ['vendor'], approveWith: admin });
    const product = await listedProduct(api, admin, other, { pricing: { model: 'one_time', priceFen: PRICE } });
    const late = await settled(other, product);
    const early = await settled(other, product);
    await paidOrder(other, product); // delivered, not settled: not on any statement
    // 2026-03-01 23:59:59.999 and 2026-03-02 00:00 in Shanghai.
    await db.query(`UPDATE orders SET settled_at = '2026-03-01T15:59:59.999Z' WHERE id = $1`, [late]);
    await db.query(`UPDATE orders SET settled_at = '2026-03-01T16:00:00Z' WHERE id = $1`, [early]);
    const day = (date: string) => statement(other.token, `date=${date}`).expect(200);
    expect((await day('2026-03-01')).body).toMatchObject({ ordersSettled: 1, grossFen: PRICE, netFen: PRICE - 300 });
    expect((await day('2026-03-02')).body).toMatchObject({ ordersSettled: 1, grossFen: PRICE, netFen: PRICE - 300 });
    expect((await day('2026-02-28')).body).toEqual({
      date: '2026-02-28',
      ordersSettled: 0,
      grossFen: 0,
      platformFeeFen: 0,
      authorityShareFen: 0,
      refundFen: 0,
      netFen: 0,
    });
  });

  it('should refuse bad dates, a missing vendorId for the platform, and anyone else', async () => {
    for (const bad of ['date=2026-02-30', 'date=20260301', 'date=2026-3-1', '', 'date=2026-03-01T00:00:00Z']) {
      await statement(vendor.token, bad).expect(400);
    }
    await statement(vendor.token, 'date=2026-03-01&vendorId=nope').expect(400);
    await statement(vendor.token, 'date=2026-03-01&extra=1').expect(400);
    await statement(admin, 'date=2026-03-01').expect(400);
    await statement(regulator.token, 'date=2026-03-01').expect(400);
    await statement(buyer.token, 'date=2026-03-01').expect(403);
    await statement(vendor.token, `date=2026-03-01&vendorId=${operator.subjectId}`).expect(403);
    await api.http().get('/api/v1/statements?date=2026-03-01').expect(401);
  });

  it('should leave the ledger balanced', async () => {
    const ledger = api.app.get(LedgerService);
    expect((await ledger.trialBalance()).totalFen).toBe(0);
    expect(await ledger.reconcile()).toEqual([]);
  });
});
