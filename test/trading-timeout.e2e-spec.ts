import { QueueName } from '@hst/queue';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { startApi, startWorker, TestApi } from './support/app';
import { adminToken, registerSubject, TestSubject } from './support/factories';
import { approvedOrder, deposit, listedProduct, pay } from './support/trading-factories';
import { sleep } from './support/wait';

const TIMEOUT_SECONDS = 2;

/** The payment deadline through the real worker: the delayed job, and the PostgreSQL sweep under it. */
describe('Trading: payment timeout (e2e)', () => {
  let api: TestApi;
  let worker: NestFastifyApplication;
  let db: DataSource;
  let admin: string;
  let vendor: TestSubject;
  let buyer: TestSubject;
  let productId: string;

  beforeAll(async () => {
    const env = { ORDER_PAYMENT_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS), TIMER_SWEEP_INTERVAL_MS: '300' };
    api = await startApi(env);
    worker = await startWorker(env);
    db = api.app.get(DataSource);
    admin = await adminToken(api);
    [vendor, buyer] = await Promise.all([
      registerSubject(api, { roles: ['vendor'], approveWith: admin }),
      registerSubject(api, { roles: ['buyer'], approveWith: admin }),
    ]);
    productId = await listedProduct(api, admin, vendor, { pricing: { model: 'one_time', priceFen: 1_000 } });
    await deposit(api, admin, buyer.subjectId, 1_000_000);
  }, 30_000);
  afterAll(async () => {
    await worker.close();
    await api.app.close();
  });

  const getOrder = async (id: string) =>
    (await api.http().get(`/api/v1/orders/${id}`).auth(buyer.token, { type: 'bearer' }).expect(200)).body as {
      status: string;
      cancelledAt: string | null;
      paymentDueAt: string;
      createdAt: string;
    };

  async function waitFor(id: string, status: string, withinMs: number): Promise<void> {
    const until = Date.now() + withinMs;
    while ((await getOrder(id)).status !== status) {
      if (Date.now() > until) throw new Error(`order ${id} not ${status} within ${withinMs} ms`);
      await sleep(100);
    }
  }

  it('should cancel an order left unpaid past its deadline, and leave a paid one alone', async () => {
    const unpaid = await approvedOrder(api, buyer, vendor, productId);
    const paid = await approvedOrder(api, buyer, vendor, productId);
    const due = await getOrder(unpaid.id);
    expect(Date.parse(due.paymentDueAt) - Date.parse(due.createdAt)).toBeGreaterThanOrEqual(
      TIMEOUT_SECONDS * 1000 - 50,
    );
    await pay(api, buyer, paid.id).expect(200);
    await waitFor(unpaid.id, 'cancelled', 8_000);
    const [event] = await db.query<{ data: { reason: string }; actor_subject_id: string | null }[]>(
      `SELECT data, actor_subject_id FROM audit_events WHERE entity_id = $1 AND action = 'order.cancelled'`,
      [unpaid.id],
    );
    expect(event).toMatchObject({ data: { reason: 'payment_timeout' }, actor_subject_id: null });
    expect((await getOrder(paid.id)).status).toBe('delivered');
    await pay(api, buyer, unpaid.id).expect(409);
  }, 30_000);

  it('should cancel through the sweep an overdue order whose delayed job Redis lost', async () => {
    const order = await approvedOrder(api, buyer, vendor, productId);
    // Lose the job, then make the order overdue: only the PostgreSQL sweep can find it now.
    const queue = worker.get<Queue>(getQueueToken(QueueName.OrderPaymentTimeout), { strict: false });
    expect(await queue.remove(`order-timeout-${order.id}`)).toBe(1);
    await waitFor(order.id, 'cancelled', 8_000);
  }, 30_000);
});
