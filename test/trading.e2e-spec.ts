import { LedgerService } from '@hst/ledger';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startApi, TestApi } from './support/app';
import { adminToken, createPlatformSubject, registerSubject, TestSubject } from './support/factories';
import { approvedOrder, deposit, listedProduct, pay, walletBalance } from './support/trading-factories';

describe('Trading: orders, wallets and payment (e2e)', () => {
  let api: TestApi;
  let db: DataSource;
  let ledger: LedgerService;
  let admin: string;
  let vendor: TestSubject;
  let buyer: TestSubject;
  let regulator: TestSubject;
  let productId: string;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    ledger = api.app.get(LedgerService);
    admin = await adminToken(api);
    [vendor, buyer, regulator] = await Promise.all([
      registerSubject(api, { roles: ['vendor'], approveWith: admin }),
      registerSubject(api, { roles: ['buyer'], approveWith: admin }),
      createPlatformSubject(api, admin, ['regulator']),
    ]);
    productId = await listedProduct(api, admin, vendor, { pricing: { model: 'one_time', priceFen: 123_457 } });
  }, 30_000);
  afterAll(() => api.app.close());

  const as = (token: string) => ({
    get: (path: string) => api.http().get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body?: object) => api.http().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
  });

  /** What escrow holds for one order (escrow is shared by every test file running at once). */
  async function escrowFor(orderId: string): Promise<number> {
    const [{ total }] = await db.query<{ total: string | null }[]>(
      `SELECT sum(e.amount_fen) AS total FROM ledger_entries e JOIN ledger_transfers t ON t.id = e.transfer_id
        WHERE e.account_id = 'escrow' AND t.order_id = $1`,
      [orderId],
    );
    return Number(total ?? 0);
  }

  const transfersOf = async (orderId: string) =>
    (
      await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM ledger_transfers WHERE order_id = $1', [orderId])
    )[0].n;

  async function freshBuyer(fundsFen = 0): Promise<TestSubject> {
    const subject = await registerSubject(api, { roles: ['buyer'], approveWith: admin });
    if (fundsFen > 0) await deposit(api, admin, subject.subjectId, fundsFen);
    return subject;
  }

  it('should take an order from approval through deposit and payment to an active license, to the fen', async () => {
    const order = await approvedOrder(api, buyer, vendor, productId);
    expect(order).toMatchObject({
      orderNo: expect.stringMatching(/^HST\d{8}\d{6}$/),
      buyerId: buyer.subjectId,
      vendorId: vendor.subjectId,
      productId,
      licenseId: null,
      disputeId: null,
      amountFen: 123_457,
      platformFeeFen: 3_703, // floor(123457 × 300 / 10000)
      authorityShareFen: 0,
      refundFen: 0,
      status: 'pending_payment',
      paidAt: null,
      deliveredAt: null,
      settledAt: null,
    });
    const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(order.orderNo.slice(3, 11)).toBe(shanghaiDay.replaceAll('-', ''));

    expect(await walletBalance(api, buyer)).toBe(0);
    const deposited = await deposit(api, admin, buyer.subjectId, 200_000);
    expect(deposited.balanceAfterFen).toBe(200_000);

    const paid = await pay(api, buyer, order.id).expect(200);
    expect(paid.body).toMatchObject({ id: order.id, status: 'delivered', licenseId: expect.any(String) });
    expect(paid.body.paidAt).toBe(paid.body.deliveredAt);
    expect((await as(buyer.token).get(`/orders/${order.id}`).expect(200)).body).toEqual(paid.body);

    expect(await walletBalance(api, buyer)).toBe(200_000 - 123_457);
    expect(await escrowFor(order.id)).toBe(123_457);
    expect(await ledger.balance(`wallet:${vendor.subjectId}`)).toBe(0); // settlement comes later

    const license = await as(buyer.token).get(`/licenses/${paid.body.licenseId}`).expect(200);
    expect(license.body).toMatchObject({
      productId,
      buyerId: buyer.subjectId,
      vendorId: vendor.subjectId,
      orderId: order.id,
      status: 'active',
      validFrom: paid.body.paidAt,
      callQuota: null,
      callsUsed: 0,
      policy: expect.objectContaining({ autoApprove: false }),
    });
    expect(Date.parse(license.body.validUntil) - Date.parse(license.body.validFrom)).toBe(90 * 86_400_000);

    const statement = await as(buyer.token).get('/wallet/entries').expect(200);
    expect(statement.body.items).toEqual([
      {
        transferId: expect.any(String),
        at: paid.body.paidAt,
        amountFen: -123_457,
        balanceAfterFen: 76_543,
        kind: 'payment',
        orderId: order.id,
      },
      {
        transferId: deposited.transferId,
        at: expect.any(String),
        amountFen: 200_000,
        balanceAfterFen: 200_000,
        kind: 'deposit',
      },
    ]);
    const events = await db.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, action`,
      [order.id],
    );
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['order.created', 'order.paid', 'order.delivered']),
    );
    expect((await ledger.trialBalance()).totalFen).toBe(0);
  });

  it('should price subscriptions per started 30 days and per_call by calls, and share public-source revenue', async () => {
    const subscription = await listedProduct(api, admin, vendor, {
      pricing: { model: 'subscription', priceFen: 1_001 },
    });
    expect((await approvedOrder(api, buyer, vendor, subscription, { termDays: 61 })).amountFen).toBe(3_003);
    const perCall = await listedProduct(api, admin, vendor, { pricing: { model: 'per_call', priceFen: 7 } });
    const callsOrder = await approvedOrder(api, buyer, vendor, perCall, { calls: 1_001 });
    expect(callsOrder).toMatchObject({ amountFen: 7_007, platformFeeFen: 210 });

    const operator = await registerSubject(api, { roles: ['operator'], approveWith: admin });
    const publicProduct = await listedProduct(api, admin, operator, {
      sourceType: 'public',
      pricing: { model: 'one_time', priceFen: 99_999 },
    });
    const publicOrder = await approvedOrder(api, buyer, operator, publicProduct);
    // 3% platform fee and the authorization's 10% authority share, both rounded down.
    expect(publicOrder).toMatchObject({ amountFen: 99_999, platformFeeFen: 2_999, authorityShareFen: 9_999 });
  });

  it('should number orders gaplessly within the Shanghai day', async () => {
    const orders = await Promise.all(
      Array.from({ length: 5 }, async () => approvedOrder(api, await freshBuyer(), vendor, productId)),
    );
    const numbers = orders.map((o) => Number(o.orderNo.slice(11))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(5);
    const day = orders[0].orderNo.slice(3, 11);
    const [{ last }] = await db.query<{ last: number }[]>(
      'SELECT last_value AS last FROM order_counters WHERE day = $1',
      [day],
    );
    const [{ n }] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM orders WHERE order_no LIKE $1`, [
      `HST${day}%`,
    ]);
    expect(n).toBe(last); // every number of the day used once, none skipped
  });

  it('should refuse a payment without the funds with 409 and move nothing', async () => {
    const poor = await freshBuyer(123_456);
    const order = await approvedOrder(api, poor, vendor, productId);
    const res = await pay(api, poor, order.id).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'insufficient_funds' });
    expect(await walletBalance(api, poor)).toBe(123_456);
    expect(await transfersOf(order.id)).toBe(0);
    expect((await as(poor.token).get(`/orders/${order.id}`).expect(200)).body).toMatchObject({
      status: 'pending_payment',
      licenseId: null,
    });
    const licenses = await as(poor.token).get('/licenses').expect(200);
    expect(licenses.body.items).toEqual([]);
  });

  describe('Idempotency-Key', () => {
    it('should replay the first answer for the same key and request, and charge once', async () => {
      const payer = await freshBuyer(500_000);
      const order = await approvedOrder(api, payer, vendor, productId);
      const key = randomUUID();
      const first = await pay(api, payer, order.id, key).expect(200);
      const again = await pay(api, payer, order.id, key).expect(200);
      expect(again.text).toBe(first.text);
      expect(await transfersOf(order.id)).toBe(1);
      expect(await walletBalance(api, payer)).toBe(500_000 - 123_457);
      // A new key for a delivered order is a new request: 409, not a second charge.
      await pay(api, payer, order.id).expect(409);
      expect(await walletBalance(api, payer)).toBe(500_000 - 123_457);
    });

    it('should answer 409 for the same key with another request, and 400 without a key', async () => {
      const payer = await freshBuyer(500_000);
      const [a, b] = [
        await approvedOrder(api, payer, vendor, productId),
        await approvedOrder(api, payer, vendor, productId),
      ];
      const key = randomUUID();
      await pay(api, payer, a.id, key).expect(200);
      const reused = await pay(api, payer, b.id, key).expect(409);
      expect(reused.body.code).toBe('idempotency_key_reused');
      await as(payer.token).post(`/orders/${b.id}/pay`).expect(400);
      await pay(api, payer, b.id, 'x'.repeat(256)).expect(400);
      expect(await transfersOf(b.id)).toBe(0);

      const depositKey = randomUUID();
      const body = { subjectId: payer.subjectId, amountFen: 10, reference: 'r-1' };
      const d1 = await as(admin).post('/wallet/deposits', body).set('Idempotency-Key', depositKey).expect(201);
      const d2 = await as(admin).post('/wallet/deposits', body).set('Idempotency-Key', depositKey).expect(201);
      expect(d2.text).toBe(d1.text);
      await as(admin)
        .post('/wallet/deposits', { ...body, amountFen: 11 })
        .set('Idempotency-Key', depositKey)
        .expect(409);
      await as(admin).post('/wallet/deposits', body).expect(400);
      expect(await walletBalance(api, payer)).toBe(500_000 - 123_457 + 10);
    });

    it('should store a refusal (4xx) and replay it', async () => {
      const poor = await freshBuyer(1);
      const order = await approvedOrder(api, poor, vendor, productId);
      const key = randomUUID();
      await pay(api, poor, order.id, key).expect(409);
      await deposit(api, admin, poor.subjectId, 1_000_000);
      const replay = await pay(api, poor, order.id, key).expect(409);
      expect(replay.body.code).toBe('insufficient_funds');
      await pay(api, poor, order.id).expect(200); // a new key is a new attempt
    });

    it('should charge once for concurrent duplicates, all answered with the first response', async () => {
      const payer = await freshBuyer(1_000_000);
      const order = await approvedOrder(api, payer, vendor, productId);
      const key = randomUUID();
      const answers = await Promise.all(Array.from({ length: 10 }, () => pay(api, payer, order.id, key)));
      expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
      expect(new Set(answers.map((r) => r.text)).size).toBe(1);
      expect(await transfersOf(order.id)).toBe(1);
      expect(await walletBalance(api, payer)).toBe(1_000_000 - 123_457);
    });
  });

  describe('deposits', () => {
    it('should answer 201 with the transfer, refuse non-admins, unknown subjects and amounts above 10^13', async () => {
      const target = await freshBuyer();
      const key = randomUUID();
      const res = await as(admin)
        .post('/wallet/deposits', { subjectId: target.subjectId, amountFen: 10_000_000_000_000, reference: '大额' })
        .set('Idempotency-Key', key)
        .expect(201);
      expect(res.body).toEqual({
        transferId: expect.any(String),
        subjectId: target.subjectId,
        amountFen: 10_000_000_000_000,
        reference: '大额',
        balanceAfterFen: 10_000_000_000_000,
        at: expect.any(String),
      });
      const send = (token: string, body: object) =>
        as(token).post('/wallet/deposits', body).set('Idempotency-Key', randomUUID());
      await send(target.token, { subjectId: target.subjectId, amountFen: 1, reference: 'x' }).expect(403);
      await send(admin, { subjectId: randomUUID(), amountFen: 1, reference: 'x' }).expect(422);
      await send(admin, { subjectId: target.subjectId, amountFen: 10_000_000_000_001, reference: 'x' }).expect(422);
      await send(admin, { subjectId: target.subjectId, amountFen: 0, reference: 'x' }).expect(400);
      await send(admin, { subjectId: target.subjectId, amountFen: 1.5, reference: 'x' }).expect(400);
      await send(admin, { subjectId: target.subjectId, amountFen: 1, reference: 'x', extra: 1 }).expect(400);
      expect(await walletBalance(api, target)).toBe(10_000_000_000_000);
    });
  });

  describe('orders: access and cancellation', () => {
    it('should show an order to its parties, admin and regulator only, and let only the buyer pay or cancel', async () => {
      const order = await approvedOrder(api, buyer, vendor, productId);
      const stranger = await freshBuyer(1_000_000);
      await as(stranger.token).get(`/orders/${order.id}`).expect(404);
      await pay(api, stranger, order.id).expect(404);
      await as(stranger.token).post(`/orders/${order.id}/cancel`).expect(404);
      await as(vendor.token).get(`/orders/${order.id}`).expect(200);
      await as(regulator.token).get(`/orders/${order.id}`).expect(200);
      await as(admin).get(`/orders/${order.id}`).expect(200);
      await as(vendor.token).post(`/orders/${order.id}/cancel`).expect(403);
      const mine = await as(stranger.token).get('/orders').expect(200);
      expect(mine.body.items).toEqual([]);
      const vendorView = await as(vendor.token).get(
        `/orders?licenseApplicationId=${String(order.licenseApplicationId)}`,
      );
      expect(vendorView.body.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
      await as(buyer.token).get('/orders?status=bogus').expect(400);
      await as(buyer.token).get('/orders?limit=101').expect(400);
    });

    it('should cancel a pending order for its buyer, and refuse to pay or cancel it again (409)', async () => {
      const payer = await freshBuyer(1_000_000);
      const order = await approvedOrder(api, payer, vendor, productId);
      const cancelled = await as(payer.token).post(`/orders/${order.id}/cancel`).expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
      await as(payer.token).post(`/orders/${order.id}/cancel`).expect(409);
      await pay(api, payer, order.id).expect(409);
      expect(await walletBalance(api, payer)).toBe(1_000_000);

      const paid = await approvedOrder(api, payer, vendor, productId);
      await pay(api, payer, paid.id).expect(200);
      await as(payer.token).post(`/orders/${paid.id}/cancel`).expect(409);
    });

    it('should page orders with an opaque cursor', async () => {
      const payer = await freshBuyer();
      for (let i = 0; i < 3; i += 1) await approvedOrder(api, payer, vendor, productId);
      const first = await as(payer.token).get('/orders?limit=2').expect(200);
      expect(first.body.items).toHaveLength(2);
      const second = await as(payer.token).get(`/orders?limit=2&cursor=${first.body.nextCursor}`).expect(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      await as(payer.token).get('/orders?cursor=garbage').expect(400);
    });
  });
});
