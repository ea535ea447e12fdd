import type { DemoProduct, DemoProductKey } from './demo-products';
import type { DemoSubject, DemoSubjectKey } from './demo-subjects';
import type { SeedClient } from './seed-client';

export type DemoTrade = {
  buyer: string;
  product: string;
  amountFen: number;
  /** Null while the application waits for the vendor: its order is created at approval. */
  orderNo: string | null;
  state: string;
};

type Application = { id: string; status: string; orderId: string | null; amountFen: number };
type Order = { id: string; orderNo: string };

/** What each buyer's bank transfer puts in its wallet (integer fen). */
const DEPOSITS: readonly [DemoSubjectKey, number][] = [
  ['planning', 5_000_000],
  ['coldchain', 3_000_000],
];

type Subjects = Record<DemoSubjectKey, DemoSubject>;
type Products = Record<DemoProductKey, DemoProduct>;

/** Buyers' deposits, then one trade in each state worth showing. */
export async function makeDemoTrades(
  api: SeedClient,
  admin: string,
  subjects: Subjects,
  products: Products,
): Promise<DemoTrade[]> {
  for (const [key, amountFen] of DEPOSITS) {
    await api.call('POST', '/wallet/deposits', {
      token: admin,
      idempotencyKey: `demo-deposit-${key}`,
      body: {
        subjectId: subjects[key].subjectId,
        amountFen,
        reference: `招商银行武汉分行入金 DEMO-${key.toUpperCase()}`,
      },
      expect: 201,
    });
  }
  const { planning, coldchain, guanggu } = subjects;
  // Reviewed by the vendor, paid and confirmed: the worker settles it once it runs.
  const reviewed = await apply(api, planning, products.cityEvents, {
    purpose: '城市精细化管理',
    purposeDetail: '光谷中心城区占道经营与道路积水治理成效评估',
    termDays: 90,
  });
  const approved = await api.call<Application>('POST', `/license-applications/${reviewed.id}/approve`, {
    token: guanggu.token,
    expect: 200,
  });
  const settling = await pay(api, planning, orderIdOf(approved));
  await api.call('POST', `/orders/${settling.id}/confirm`, { token: planning.token, expect: 202 });

  // Approved by the product's policy, paid, and left in its dispute window (DISPUTE_WINDOW_SECONDS).
  const automatic = await apply(api, coldchain, products.weather, {
    purpose: '冷链物流调度',
    purposeDetail: '根据逐小时气温与降水调整冷藏车配送班次',
    termDays: 180,
    calls: 200_000,
  });
  const delivered = await pay(api, coldchain, orderIdOf(automatic));

  // Waiting for the vendor (武汉港航数据服务有限公司) to approve or reject it.
  const pending = await apply(api, coldchain, products.yard, {
    purpose: '物流路径规划',
    purposeDetail: '阳逻港冷藏箱提箱时段与干线配送路径优化',
    termDays: 180,
  });

  return [
    trade(planning, products.cityEvents, reviewed, settling, 'paid and confirmed: the worker settles it'),
    trade(coldchain, products.weather, automatic, delivered, 'paid, in its dispute window'),
    trade(coldchain, products.yard, pending, null, `application pending for ${subjects.ganghang.name}`),
  ];
}

function trade(
  buyer: DemoSubject,
  product: DemoProduct,
  application: Application,
  order: Order | null,
  state: string,
): DemoTrade {
  const { amountFen } = application;
  return { buyer: buyer.name, product: product.product.title, amountFen, orderNo: order?.orderNo ?? null, state };
}

function orderIdOf(application: Application): string {
  if (!application.orderId) throw new Error(`demo seed: application ${application.id} is ${application.status}`);
  return application.orderId;
}

function apply(
  api: SeedClient,
  buyer: DemoSubject,
  product: DemoProduct,
  body: { purpose: string; purposeDetail: string; termDays: number; calls?: number },
): Promise<Application> {
  return api.call<Application>('POST', '/license-applications', {
    token: buyer.token,
    body: { productId: product.id, ...body },
    expect: 201,
  });
}

/** Pays from the buyer's wallet into escrow: the license is issued and the order delivered. */
function pay(api: SeedClient, buyer: DemoSubject, orderId: string): Promise<Order> {
  return api.call<Order>('POST', `/orders/${orderId}/pay`, {
    token: buyer.token,
    idempotencyKey: `demo-pay-${orderId}`,
    expect: 200,
  });
}
