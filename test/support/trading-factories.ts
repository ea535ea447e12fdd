import { randomBytes, randomUUID } from 'node:crypto';
import type { TestApi } from './app';
import { createListedProduct, ProductOverrides } from './catalog-factories';
import type { TestSubject } from './factories';
import { grantPublicDataAuthorization, issueCertificate } from './registry-factories';

const bearer = { type: 'bearer' } as const;

export type Pricing = { model: 'one_time' | 'subscription' | 'per_call'; priceFen: number };

export type ApplicationBody = {
  productId: string;
  purpose: string;
  purposeDetail: string;
  termDays: number;
  calls?: number;
};

export type OrderBody = {
  id: string;
  orderNo: string;
  status: string;
  amountFen: number;
  platformFeeFen: number;
  authorityShareFen: number;
  licenseId: string | null;
} & Record<string, unknown>;

export const PURPOSE = '交通规划研究';

/**
 * A listed product of `owner` through the real flow (certificate, dataset, review), priced as asked.
 * `sourceType: 'public'` first grants the owner (an operator) a public-data authorization over the category
 * with `authorityShareBps` 1000.
 */
export async function listedProduct(
  api: TestApi,
  admin: string,
  owner: TestSubject,
  options: {
    pricing?: Pricing;
    autoApprove?: boolean;
    maxTermDays?: number;
    sourceType?: 'enterprise' | 'public';
    category?: string;
  } = {},
): Promise<string> {
  const sourceType = options.sourceType ?? 'enterprise';
  const category =
    options.category ?? (sourceType === 'public' ? `公共交通-${randomBytes(3).toString('hex')}` : '交通出行');
  if (sourceType === 'public') await grantPublicDataAuthorization(api, admin, owner.subjectId, [category]);
  const records = [{ vehicle: randomBytes(4).toString('hex'), speed: '42' }];
  const { certNo } = await issueCertificate(api, admin, owner, { records, category, sourceType });
  const overrides: ProductOverrides = {
    pricing: options.pricing ?? { model: 'one_time', priceFen: 100_000 },
    policy: {
      purposes: [PURPOSE, '学术研究'],
      maxTermDays: options.maxTermDays ?? 365,
      allowRedistribution: false,
      autoApprove: options.autoApprove ?? false,
    },
  };
  return createListedProduct(api, admin, owner, { certNo, records, category, sourceType }, overrides);
}

export function applicationBody(productId: string, overrides: Partial<ApplicationBody> = {}): ApplicationBody {
  return { productId, purpose: PURPOSE, purposeDetail: '主城区早晚高峰通勤走廊分析', termDays: 90, ...overrides };
}

/** POST /license-applications, expecting 201. */
export async function applyFor(
  api: TestApi,
  buyer: TestSubject,
  productId: string,
  overrides: Partial<ApplicationBody> = {},
): Promise<{ id: string; status: string; orderId: string | null; amountFen: number } & Record<string, unknown>> {
  const res = await api
    .http()
    .post('/api/v1/license-applications')
    .auth(buyer.token, bearer)
    .send(applicationBody(productId, overrides));
  if (res.status !== 201) throw new Error(`apply: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Applies and has the vendor approve: the order, pending_payment. */
export async function approvedOrder(
  api: TestApi,
  buyer: TestSubject,
  vendor: TestSubject,
  productId: string,
  overrides: Partial<ApplicationBody> = {},
): Promise<OrderBody> {
  const application = await applyFor(api, buyer, productId, overrides);
  const approved = await api
    .http()
    .post(`/api/v1/license-applications/${application.id}/approve`)
    .auth(vendor.token, bearer)
    .send();
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
  const order = await api
    .http()
    .get(`/api/v1/orders/${(approved.body as { orderId: string }).orderId}`)
    .auth(buyer.token, bearer)
    .expect(200);
  return order.body as OrderBody;
}

/** POST /wallet/deposits by the admin, expecting 201. */
export async function deposit(
  api: TestApi,
  admin: string,
  subjectId: string,
  amountFen: number,
  key: string = randomUUID(),
): Promise<{ transferId: string; balanceAfterFen: number }> {
  const res = await api
    .http()
    .post('/api/v1/wallet/deposits')
    .auth(admin, bearer)
    .set('Idempotency-Key', key)
    .send({ subjectId, amountFen, reference: `银行流水-${key}` });
  if (res.status !== 201) throw new Error(`deposit: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** POST /orders/:id/pay with an Idempotency-Key; the response as it came. */
export function pay(api: TestApi, buyer: TestSubject, orderId: string, key: string = randomUUID()) {
  return api.http().post(`/api/v1/orders/${orderId}/pay`).auth(buyer.token, bearer).set('Idempotency-Key', key).send();
}

export async function walletBalance(api: TestApi, subject: TestSubject): Promise<number> {
  const res = await api.http().get('/api/v1/wallet').auth(subject.token, bearer).expect(200);
  return (res.body as { balanceFen: number }).balanceFen;
}
