import { LedgerService } from '@hst/ledger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { startApi, startWorker, TestApi } from './support/app';
import { adminToken, createPlatformSubject, registerSubject, TestSubject } from './support/factories';
import { approvedOrder, deposit, listedProduct, pay, walletBalance } from './support/trading-factories';
import { until } from './support/wait';

const PRICE = 10_000;
const bearer = { type: 'bearer' } as const;

/** Disputes through HTTP and the real worker: partial and full refunds to the fen, access, bad input. */
describe('Trading: disputes (e2e)', () => {
  let api: TestApi;
  let worker: NestFastifyApplication;
  let db: DataSource;
  let admin: string;
  let vendor: TestSubject;
  let buyer: TestSubject;
  let stranger: TestSubject;
  let regulator: TestSubject;
  let productId: string;

  beforeAll(async () => {
    // A window long enough that nothing settles by itself during the file; closing it is done by backdating.
    const env = { DISPUTE_WINDOW_SECONDS: '600', TIMER_SWEEP_INTERVAL_MS: '3600000' };
    api = await startApi(env);
    worker = await startWorker(env);
    db = api.app.get(DataSource);
    admin = await adminToken(api);
    [vendor, buyer, stranger, regulator] = await Promise.all([
      registerSubject(api, { roles: ['vendor'], approveWith: admin }),
      registerSubject(api, { roles: ['buyer'], approveWith: admin }),
      registerSubject(api, { roles: ['buyer'], approveWith: admin }),
      createPlatformSubject(api, admin, ['regulator']),
    ]);
    productId = await listedProduct(api, admin, vendor, { pricing: { model: 'one_time', priceFen: PRICE } });
    await deposit(api, admin, buyer.subjectId, 100_000);
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await api.app.close();
  });

  const statusOf = async (orderId: string) =>
    (await db.query<{ status: string }[]>('SELECT status FROM orders WHERE id = $1', [orderId]))[0]?.status;

  async function transfersOf(orderId: string) {
    const res = await api
      .http()
      .get(`/api/v1/ledger/transfers?orderId=${orderId}&limit=100`)
      .auth(admin, bearer)
      .expect(200);
    return (res.body.items as { debitAccount: string; creditAccount: string; amountFen: number; kind: string }[])
      .map((t) => [t.kind, t.debitAccount, t.creditAccount, t.amountFen])
      .sort();
  }

  async function paidOrder(): Promise<{ id: string; licenseId: string }> {
    const order = await approvedOrder(api, buyer, vendor, productId);
    const paid = await pay(api, buyer, order.id).expect(200);
    return { id: order.id, licenseId: (paid.body as { licenseId: string }).licenseId };
  }

  const openDispute = (token: string, orderId: string, body: Record<string, unknown> = { reason: '数据字段缺失' }) =>
    api.http().post(`/api/v1/orders/${orderId}/disputes`).auth(token, bearer).send(body);

  const resolve = (token: string, disputeId: string, body: Record<string, unknown>) =>
    api.http().post(`/api/v1/disputes/${disputeId}/resolve`).auth(token, bearer).send(body);

  it('should refund part to the buyer and settle the rest with the fee on amount − refund, to the fen', async () => {
    const buyerBefore = await walletBalance(api, buyer);
    const vendorBefore = await walletBalance(api, vendor);
    const order = await paidOrder();
    const opened = await openDispute(buyer.token, order.id).expect(201);
    expect(opened.body).toEqual({
      id: expect.any(String),
      orderId: order.id,
      reason: '数据字段缺失',
      status: 'open',
      refundFen: null,
      note: null,
      openedAt: expect.any(String),
      resolvedAt: null,
    });
    const disputeId = (opened.body as { id: string }).id;
    const disputed = await api.http().get(`/api/v1/orders/${order.id}`).auth(vendor.token, bearer).expect(200);
    expect(disputed.body).toMatchObject({ status: 'disputed', disputeId, refundFen: 0, settledAt: null });
    // Every reader sees the dispute as its GET returns it; the creation answered exactly that.
    for (const token of [buyer.token, vendor.token, admin, regulator.token]) {
      const got = await api.http().get(`/api/v1/disputes/${disputeId}`).auth(token, bearer).expect(200);
      expect(got.body).toEqual(opened.body);
    }
    await api.http().get(`/api/v1/disputes/${disputeId}`).auth(stranger.token, bearer).expect(404);

    const resolved = await resolve(admin, disputeId, { refundFen: 2_500, note: '部分字段缺失，退还四分之一' }).expect(
      202,
    );
    expect(resolved.body).toMatchObject({
      id: disputeId,
      status: 'resolved',
      refundFen: 2_500,
      note: '部分字段缺失，退还四分之一',
      resolvedAt: expect.any(String),
    });
    await until(async () => (await statusOf(order.id)) === 'settled');
    // fee = floor(7_500 × 3%) = 225; the vendor gets 7_500 − 225.
    expect(await transfersOf(order.id)).toEqual(
      [
        ['payment', `wallet:${buyer.subjectId}`, 'escrow', PRICE],
        ['refund', 'escrow', `wallet:${buyer.subjectId}`, 2_500],
        ['settlement', 'escrow', `wallet:${vendor.subjectId}`, 7_275],
        ['platform_fee', 'escrow', 'platform_fee', 225],
      ].sort(),
    );
    expect(await walletBalance(api, buyer)).toBe(buyerBefore - PRICE + 2_500);
    expect(await walletBalance(api, vendor)).toBe(vendorBefore + 7_275);
    const settled = await api.http().get(`/api/v1/orders/${order.id}`).auth(buyer.token, bearer).expect(200);
    expect(settled.body).toMatchObject({ status: 'settled', refundFen: 2_500, settledAt: expect.any(String) });
    const license = await api.http().get(`/api/v1/licenses/${order.licenseId}`).auth(buyer.token, bearer).expect(200);
    expect(license.body).toMatchObject({ status: 'active' });
  });

  it('should refund all on a full refund: the order ends refunded, its license revoked, the vendor gets nothing', async () => {
    const buyerBefore = await walletBalance(api, buyer);
    const vendorBefore = await walletBalance(api, vendor);
    const order = await paidOrder();
    const opened = await openDispute(buyer.token, order.id, { reason: '数据与描述完全不符' }).expect(201);
    await resolve(admin, opened.body.id as string, { refundFen: PRICE, note: '全额退款' }).expect(202);
    await until(async () => (await statusOf(order.id)) === 'refunded');
    expect(await transfersOf(order.id)).toEqual(
      [
        ['payment', `wallet:${buyer.subjectId}`, 'escrow', PRICE],
        ['refund', 'escrow', `wallet:${buyer.subjectId}`, PRICE],
      ].sort(),
    );
    expect(await walletBalance(api, buyer)).toBe(buyerBefore);
    expect(await walletBalance(api, vendor)).toBe(vendorBefore);
    const refunded = await api.http().get(`/api/v1/orders/${order.id}`).auth(vendor.token, bearer).expect(200);
    expect(refunded.body).toMatchObject({ status: 'refunded', refundFen: PRICE });
    const license = await api.http().get(`/api/v1/licenses/${order.licenseId}`).auth(buyer.token, bearer).expect(200);
    expect(license.body).toMatchObject({ status: 'revoked' });
  });

  it('should let only the buyer dispute, only a delivered, unconfirmed order within its window, once', async () => {
    const unpaid = await approvedOrder(api, buyer, vendor, productId);
    await openDispute(buyer.token, unpaid.id).expect(409); // not delivered
    const order = await paidOrder();
    await openDispute(vendor.token, order.id).expect(403);
    await openDispute(stranger.token, order.id).expect(404);
    await openDispute(buyer.token, '00000000-0000-4000-8000-000000000000').expect(404);
    await openDispute(buyer.token, order.id, {}).expect(400);
    await openDispute(buyer.token, order.id, { reason: '   ' }).expect(400);
    await openDispute(buyer.token, order.id, { reason: '缺失', extra: 1 }).expect(400);
    await openDispute(buyer.token, order.id).expect(201);
    await openDispute(buyer.token, order.id).expect(409); // one dispute per order

    const late = await paidOrder();
    await db.query(`UPDATE orders SET delivered_at = now() - interval '601 seconds' WHERE id = $1`, [late.id]);
    const closed = await openDispute(buyer.token, late.id).expect(409);
    expect(closed.body.message).toMatch(/dispute window/);

    const confirmed = await paidOrder();
    await db.query(`UPDATE orders SET confirmed_at = now() WHERE id = $1`, [confirmed.id]);
    const refused = await openDispute(buyer.token, confirmed.id).expect(409);
    expect(refused.body.message).toMatch(/confirmed/);
    expect(await statusOf(late.id)).toBe('delivered');
  });

  it('should let only the admin resolve, once, with 0..amount integer fen', async () => {
    const order = await paidOrder();
    const opened = await openDispute(buyer.token, order.id).expect(201);
    const id = opened.body.id as string;
    await resolve(buyer.token, id, { refundFen: 0, note: '驳回' }).expect(403);
    await resolve(vendor.token, id, { refundFen: 0, note: '驳回' }).expect(403);
    await resolve(regulator.token, id, { refundFen: 0, note: '驳回' }).expect(403);
    await resolve(admin, '00000000-0000-4000-8000-000000000000', { refundFen: 0, note: '驳回' }).expect(404);
    await resolve(admin, id, { refundFen: PRICE + 1, note: '超额' }).expect(422);
    await resolve(admin, id, { refundFen: -1, note: '负数' }).expect(400);
    await resolve(admin, id, { refundFen: 1.5, note: '小数' }).expect(400);
    await resolve(admin, id, { refundFen: '100', note: '字符串' }).expect(400);
    await resolve(admin, id, { refundFen: 0 }).expect(400);
    const open = await api.http().get(`/api/v1/disputes/${id}`).auth(admin, bearer).expect(200);
    expect(open.body).toMatchObject({ status: 'open', refundFen: null });
    expect(await statusOf(order.id)).toBe('disputed');

    const vendorBefore = await walletBalance(api, vendor);
    await resolve(admin, id, { refundFen: 0, note: '驳回：数据符合描述' }).expect(202);
    await resolve(admin, id, { refundFen: 0, note: '再次' }).expect(409);
    await until(async () => (await statusOf(order.id)) === 'settled');
    expect(await walletBalance(api, vendor)).toBe(vendorBefore + PRICE - 300);
    expect((await transfersOf(order.id)).filter((t) => t[0] === 'refund')).toEqual([]);
  });

  it('should list disputes to their parties and the platform, filtered and paged', async () => {
    const mine = await api.http().get('/api/v1/disputes?limit=100').auth(buyer.token, bearer).expect(200);
    const items = mine.body.items as { id: string; orderId: string; status: string }[];
    expect(items.length).toBe(4);
    const ofVendor = await api.http().get('/api/v1/disputes?limit=100').auth(vendor.token, bearer).expect(200);
    expect((ofVendor.body.items as { id: string }[]).map((d) => d.id)).toEqual(items.map((d) => d.id));
    const none = await api.http().get('/api/v1/disputes').auth(stranger.token, bearer).expect(200);
    expect(none.body).toEqual({ items: [], nextCursor: null });
    const open = await api.http().get('/api/v1/disputes?status=open&limit=100').auth(buyer.token, bearer).expect(200);
    expect((open.body.items as { status: string }[]).map((d) => d.status)).toEqual(['open']);
    const one = items[2];
    const byOrder = await api
      .http()
      .get(`/api/v1/disputes?orderId=${one.orderId}`)
      .auth(regulator.token, bearer)
      .expect(200);
    expect((byOrder.body.items as { id: string }[]).map((d) => d.id)).toEqual([one.id]);
    const first = await api.http().get('/api/v1/disputes?limit=3').auth(buyer.token, bearer).expect(200);
    const second = await api
      .http()
      .get(`/api/v1/disputes?limit=3&cursor=${encodeURIComponent(first.body.nextCursor as string)}`)
      .auth(buyer.token, bearer)
      .expect(200);
    expect([...first.body.items, ...second.body.items].map((d: { id: string }) => d.id)).toEqual(
      items.map((d) => d.id),
    );
    expect(second.body.nextCursor).toBeNull();
    await api.http().get('/api/v1/disputes?status=closed').auth(buyer.token, bearer).expect(400);
    await api.http().get('/api/v1/disputes?limit=101').auth(buyer.token, bearer).expect(400);
    await api.http().get('/api/v1/disputes/not-a-uuid').auth(buyer.token, bearer).expect(400);
  });

  it('should leave the ledger balanced', async () => {
    const ledger = api.app.get(LedgerService);
    expect((await ledger.trialBalance()).totalFen).toBe(0);
    expect(await ledger.reconcile()).toEqual([]);
  });
});
