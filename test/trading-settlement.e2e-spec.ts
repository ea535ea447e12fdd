import { LedgerService } from '@hst/ledger';
import { SettlementService } from '@hst/trading';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { startApi, startWorker, TestApi } from './support/app';
import { adminToken, registerSubject, TestSubject } from './support/factories';
import { approvedOrder, deposit, listedProduct, pay, walletBalance } from './support/trading-factories';
import { sleep, until } from './support/wait';

const WINDOW_SECONDS = 2;
const PRICE = 10_000;

/** Settlement through the real worker: confirm, the end of the dispute window, exactly once, to the fen. */
describe('Trading: settlement (e2e)', () => {
  let api: TestApi;
  let worker: NestFastifyApplication;
  let db: DataSource;
  let admin: string;
  let vendor: TestSubject;
  let operator: TestSubject;
  let buyer: TestSubject;
  let productId: string;
  let publicProductId: string;

  beforeAll(async () => {
    const env = { DISPUTE_WINDOW_SECONDS: String(WINDOW_SECONDS), TIMER_SWEEP_INTERVAL_MS: '3600000' };
    api = await startApi(env);
    worker = await startWorker(env);
    db = api.app.get(DataSource);
    admin = await adminToken(api);
    [vendor, operator, buyer] = await Promise.all([
      registerSubject(api, { roles: ['vendor'], approveWith: admin }),
      registerSubject(api, { roles: ['operator'], approveWith: admin }),
      registerSubject(api, { roles: ['buyer'], approveWith: admin }),
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

  const statusOf = async (orderId: string) =>
    (await db.query<{ status: string }[]>('SELECT status FROM orders WHERE id = $1', [orderId]))[0]?.status;

  async function transfersOf(orderId: string) {
    const res = await api
      .http()
      .get(`/api/v1/ledger/transfers?orderId=${orderId}&limit=100`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    return (res.body.items as { debitAccount: string; creditAccount: string; amountFen: number; kind: string }[])
      .map((t) => [t.kind, t.debitAccount, t.creditAccount, t.amountFen])
      .sort();
  }

  async function paidOrder(product = productId): Promise<string> {
    const order = await approvedOrder(api, buyer, product === productId ? vendor : operator, product);
    await pay(api, buyer, order.id).expect(200);
    return order.id;
  }

  it('should settle at once on confirm: vendor, platform fee, escrow emptied, to the fen', async () => {
    const [vendorBefore, buyerBefore] = [await walletBalance(api, vendor), await walletBalance(api, buyer)];
    const orderId = await paidOrder();
    expect(await walletBalance(api, buyer)).toBe(buyerBefore - PRICE);
    const confirmed = await api
      .http()
      .post(`/api/v1/orders/${orderId}/confirm`)
      .auth(buyer.token, { type: 'bearer' })
      .expect(202);
    expect(confirmed.body).toMatchObject({ id: orderId, status: 'delivered', settledAt: null });
    await until(async () => (await statusOf(orderId)) === 'settled');
    expect(await walletBalance(api, vendor)).toBe(vendorBefore + PRICE - 300);
    expect(await walletBalance(api, buyer)).toBe(buyerBefore - PRICE);
    expect(await transfersOf(orderId)).toEqual(
      [
        ['payment', `wallet:${buyer.subjectId}`, 'escrow', PRICE],
        ['settlement', 'escrow', `wallet:${vendor.subjectId}`, PRICE - 300],
        ['platform_fee', 'escrow', 'platform_fee', 300],
      ].sort(),
    );
    const order = await api.http().get(`/api/v1/orders/${orderId}`).auth(vendor.token, { type: 'bearer' }).expect(200);
    expect(order.body).toMatchObject({ status: 'settled', settledAt: expect.any(String), refundFen: 0 });
    const ledger = api.app.get(LedgerService);
    expect((await ledger.trialBalance()).totalFen).toBe(0);
    expect(await ledger.reconcile()).toEqual([]);
  });

  it('should pay the data authority its share of a public-source product', async () => {
    const orderId = await paidOrder(publicProductId);
    await api.http().post(`/api/v1/orders/${orderId}/confirm`).auth(buyer.token, { type: 'bearer' }).expect(202);
    await until(async () => (await statusOf(orderId)) === 'settled');
    expect(await transfersOf(orderId)).toEqual(
      [
        ['payment', `wallet:${buyer.subjectId}`, 'escrow', PRICE],
        ['settlement', 'escrow', `wallet:${operator.subjectId}`, PRICE - 300 - 1_000],
        ['platform_fee', 'escrow', 'platform_fee', 300],
        ['authority_share', 'escrow', 'public_data_authority', 1_000],
      ].sort(),
    );
  });

  it('should settle by itself when the dispute window ends', async () => {
    const orderId = await paidOrder();
    expect(await statusOf(orderId)).toBe('delivered');
    await until(async () => (await statusOf(orderId)) === 'settled', WINDOW_SECONDS * 1000 + 10_000);
  });

  it('should settle exactly once however often and concurrently settlement runs, and never before it is due', async () => {
    const settlement = api.app.get(SettlementService);
    const early = await paidOrder();
    expect(await settlement.settle(early)).toBe('not_due');
    await db.query(`UPDATE orders SET settle_due_at = now() - interval '1 second' WHERE id = $1`, [early]);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => settlement.settle(early)));
    expect(outcomes.filter((o) => o === 'settled')).toHaveLength(1);
    await sleep(300);
    expect((await transfersOf(early)).filter((t) => t[0] === 'settlement')).toHaveLength(1);
  });

  it('should let only the buyer confirm, only a delivered order', async () => {
    const order = await approvedOrder(api, buyer, vendor, productId);
    const confirm = (token: string) =>
      api.http().post(`/api/v1/orders/${order.id}/confirm`).auth(token, { type: 'bearer' });
    await confirm(buyer.token).expect(409); // not paid yet
    await pay(api, buyer, order.id).expect(200);
    await confirm(vendor.token).expect(403);
    const stranger = await registerSubject(api, { roles: ['buyer'], approveWith: admin });
    await confirm(stranger.token).expect(404);
    await confirm(buyer.token).expect(202);
  });
});
