import type { Actor } from '@hst/common';
import { LedgerService, walletOf } from '@hst/ledger';
import type { CreateLicenseApplicationDto } from '@hst/licensing';
import { domainEventJobId } from '@hst/outbox';
import { QueueName, redisOptions } from '@hst/queue';
import { ApprovalService, PaymentService, SettlementService } from '@hst/trading';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { TestApi } from './app';
import { adminToken, registerSubject, TestSubject } from './factories';
import { deposit, listedProduct, PURPOSE } from './trading-factories';
import { sleep } from './wait';

/** Vendors with auto-approved products (one public-source, so the data authority takes a share) and a funded buyer. */
export type Market = { buyer: Actor; vendors: TestSubject[]; productIds: string[] };

const PRICES = [10_000, 12_345, 20_000];

export async function settlementMarket(api: TestApi): Promise<Market> {
  const admin = await adminToken(api);
  const [vendorA, vendorB, operator, buyer] = await Promise.all([
    registerSubject(api, { roles: ['vendor'], approveWith: admin }),
    registerSubject(api, { roles: ['vendor'], approveWith: admin }),
    registerSubject(api, { roles: ['operator'], approveWith: admin }),
    registerSubject(api, { roles: ['buyer'], approveWith: admin }),
  ]);
  const vendors = [vendorA, vendorB, operator];
  const productIds: string[] = [];
  for (const [i, owner] of vendors.entries()) {
    productIds.push(
      await listedProduct(api, admin, owner, {
        pricing: { model: 'one_time', priceFen: PRICES[i] },
        autoApprove: true,
        sourceType: owner === operator ? 'public' : 'enterprise',
      }),
    );
  }
  await deposit(api, admin, buyer.subjectId, 100_000_000);
  return { buyer: { userId: buyer.userId, subjectId: buyer.subjectId, roles: ['buyer'] }, vendors, productIds };
}

/**
 * `n` real orders through the services the HTTP routes call (application auto-approved into an order,
 * payment into escrow with the license issued, order delivered), spread over the market's products.
 */
export async function paidOrders(api: TestApi, market: Market, n: number, concurrency = 4): Promise<string[]> {
  const approval = api.app.get(ApprovalService);
  const payment = api.app.get(PaymentService);
  const ids: string[] = [];
  let next = 0;
  const one = async (i: number) => {
    const dto = {
      productId: market.productIds[i % market.productIds.length],
      purpose: PURPOSE,
      purposeDetail: '结算崩溃测试',
      termDays: 30,
    } as CreateLicenseApplicationDto;
    const application = await approval.apply(market.buyer, dto);
    const orderId = application.orderId!;
    await payment.pay(market.buyer, orderId, {
      key: randomUUID(),
      method: 'POST',
      path: `/api/v1/orders/${orderId}/pay`,
      body: undefined,
    });
    ids.push(orderId);
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await one(next++);
    }),
  );
  return ids;
}

/** The buyer confirms: each order due now (its `order.confirmed` event schedules the settlement job). */
export async function confirmAll(api: TestApi, market: Market, orderIds: string[]): Promise<void> {
  const settlement = api.app.get(SettlementService);
  await Promise.all(orderIds.map((id) => settlement.confirm(market.buyer, id)));
}

export async function settledCount(db: DataSource, orderIds: string[]): Promise<number> {
  const [{ count }] = await db.query<{ count: string }[]>(
    `SELECT count(*) FROM orders WHERE id = ANY($1) AND status = 'settled'`,
    [orderIds],
  );
  return Number(count);
}

export async function untilAllSettled(db: DataSource, orderIds: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const settled = await settledCount(db, orderIds);
    if (settled === orderIds.length) return;
    if (Date.now() > deadline) throw new Error(`${settled}/${orderIds.length} orders settled in ${timeoutMs} ms`);
    await sleep(200);
  }
}

/**
 * Every order settled exactly once: one `settlement` transfer, at most one of each fee, no refund, the
 * releases adding up to the amount, one `order.settled` event; each vendor's wallet the sum of its net
 * amounts; escrow empty, the trial balance zero and reconciliation clean. Run on a database of the file's
 * own, so that the totals are these orders' alone.
 */
export async function expectSettledExactlyOnce(
  db: DataSource,
  ledger: LedgerService,
  orderIds: string[],
  vendorIds: string[],
): Promise<void> {
  const orders = await db.query<
    { id: string; status: string; settled_at: Date | null; settle_due_at: Date | null; vendor_id: string }[]
  >(`SELECT id, status, settled_at, settle_due_at, vendor_id FROM orders WHERE id = ANY($1)`, [orderIds]);
  expect(orders).toHaveLength(orderIds.length);
  const unsettled = orders.filter((o) => o.status !== 'settled' || !o.settled_at || o.settle_due_at !== null);
  expect(unsettled).toEqual([]);

  const perOrder = await db.query<
    {
      order_id: string;
      amount_fen: string;
      payments: string;
      settlements: string;
      fees: string;
      shares: string;
      refunds: string;
      released: string;
      settled_events: string;
    }[]
  >(
    `SELECT o.id AS order_id, o.amount_fen,
            count(*) FILTER (WHERE t.kind = 'payment') AS payments,
            count(*) FILTER (WHERE t.kind = 'settlement') AS settlements,
            count(*) FILTER (WHERE t.kind = 'platform_fee') AS fees,
            count(*) FILTER (WHERE t.kind = 'authority_share') AS shares,
            count(*) FILTER (WHERE t.kind = 'refund') AS refunds,
            coalesce(sum(t.amount_fen) FILTER (WHERE t.kind <> 'payment'), 0) AS released,
            (SELECT count(*) FROM outbox_events e
              WHERE e.aggregate_id = o.id::text AND e.type = 'order.settled') AS settled_events
       FROM orders o JOIN ledger_transfers t ON t.order_id = o.id
      WHERE o.id = ANY($1) GROUP BY o.id`,
    [orderIds],
  );
  const wrong = perOrder.filter(
    (r) =>
      r.payments !== '1' ||
      r.settlements !== '1' ||
      Number(r.fees) > 1 ||
      Number(r.shares) > 1 ||
      r.refunds !== '0' ||
      r.released !== r.amount_fen ||
      r.settled_events !== '1',
  );
  expect(wrong).toEqual([]);
  expect(perOrder).toHaveLength(orderIds.length);

  for (const vendorId of vendorIds) {
    const [{ net }] = await db.query<{ net: string }[]>(
      `SELECT coalesce(sum(amount_fen - platform_fee_fen - authority_share_fen), 0) AS net
         FROM orders WHERE vendor_id = $1 AND id = ANY($2)`,
      [vendorId, orderIds],
    );
    expect({ vendorId, balance: await ledger.balance(walletOf(vendorId)) }).toEqual({ vendorId, balance: Number(net) });
  }
  expect(await ledger.balance('escrow')).toBe(0);
  expect((await ledger.trialBalance()).totalFen).toBe(0);
  expect(await ledger.reconcile()).toEqual([]);
}

/**
 * Until every outbox event has been handed to its consumers (the workers have caught up). Given the Redis the
 * workers use, a timeout reports the BullMQ state of the stuck events' jobs too.
 */
export async function untilOutboxDispatched(db: DataSource, timeoutMs: number, redisUrl?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ count }] = await db.query<{ count: string }[]>(
      'SELECT count(*) FROM outbox_events WHERE dispatched_at IS NULL',
    );
    if (count === '0') return;
    if (Date.now() > deadline) {
      const stuck = await db.query<{ id: string }[]>(
        `SELECT o.id, o.type, o.aggregate_id, o.published_at,
                array(SELECT d.consumer FROM outbox_deliveries d WHERE d.event_id = o.id) AS delivered_to
           FROM outbox_events o WHERE o.dispatched_at IS NULL ORDER BY o.id LIMIT 5`,
      );
      const jobs = redisUrl ? await domainEventJobs(redisUrl, stuck) : 'not asked';
      const consumers = await db.query('SELECT name, since_event_id, event_types FROM outbox_consumers');
      throw new Error(
        `${count} outbox events not dispatched in ${timeoutMs} ms: ${JSON.stringify({ stuck, jobs, consumers })}`,
      );
    }
    await sleep(200);
  }
}

async function domainEventJobs(redisUrl: string, events: { id: string }[]): Promise<unknown[]> {
  const queue = new Queue(QueueName.DomainEvents, {
    connection: redisOptions(redisUrl),
    prefix: process.env.REDIS_PREFIX,
  });
  try {
    return await Promise.all(
      events.map(async ({ id }) => {
        const job = await queue.getJob(domainEventJobId(id));
        if (!job) return { id, state: 'missing' };
        const { attemptsMade, failedReason, stalledCounter } = job;
        return { id, state: await job.getState(), attemptsMade, stalledCounter, failedReason };
      }),
    );
  } finally {
    await queue.close();
  }
}
