import type { TestApi } from './app';
import type { TestSubject } from './factories';

export type ProductOverrides = Partial<{
  title: string;
  summary: string;
  description: string;
  category: string;
  tags: string[];
  sourceType: string;
  deliveryMode: string;
  updateFrequency: string;
  pricing: { model: string; priceFen: number };
  certNo: string;
  policy: Record<string, unknown>;
}>;

/** A valid POST /products body. */
export function productBody(overrides: ProductOverrides = {}) {
  return {
    title: '智能网联汽车轨迹数据',
    summary: '武汉经开区智能网联测试车辆的脱敏轨迹',
    description: '采样频率 1 Hz，坐标系 GCJ-02。',
    category: '交通出行',
    tags: ['车联网', 'GPS'],
    sourceType: 'enterprise',
    deliveryMode: 'api',
    updateFrequency: 'daily',
    pricing: { model: 'per_call', priceFen: 50 },
    certNo: 'WHDR-2026-999999',
    policy: { purposes: ['交通规划研究'], maxTermDays: 365, allowRedistribution: false, autoApprove: false },
    ...overrides,
  };
}

const bearer = { type: 'bearer' } as const;

export async function createProduct(api: TestApi, owner: TestSubject, overrides: ProductOverrides = {}) {
  const res = await api.http().post('/api/v1/products').auth(owner.token, bearer).send(productBody(overrides));
  if (res.status !== 201) throw new Error(`create product: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string } & Record<string, unknown>;
}

export async function uploadRecords(api: TestApi, owner: TestSubject, productId: string, records: object[]) {
  const res = await api.http().put(`/api/v1/products/${productId}/dataset`).auth(owner.token, bearer).send({ records });
  if (res.status !== 200) throw new Error(`upload dataset: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { recordCount: number; contentDigest: string; matchesCertificate: boolean };
}

/** What a product needs from a certificate: its number and the data and facts it was registered with. */
export type CertifiedData = { certNo: string; records: object[]; category: string; sourceType: string };

/** A product taken through the real flow: create, upload the certified data, submit, approve. */
export async function createListedProduct(
  api: TestApi,
  admin: string,
  owner: TestSubject,
  cert: CertifiedData,
  overrides: ProductOverrides = {},
): Promise<string> {
  const product = await createProduct(api, owner, {
    certNo: cert.certNo,
    category: cert.category,
    sourceType: cert.sourceType,
    ...overrides,
  });
  await uploadRecords(api, owner, product.id, cert.records);
  for (const [path, token] of [
    ['submit', owner.token],
    ['approve', admin],
  ] as const) {
    const res = await api.http().post(`/api/v1/products/${product.id}/${path}`).auth(token, bearer).send();
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return product.id;
}
