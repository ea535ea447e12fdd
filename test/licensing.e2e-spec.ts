import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startApi, TestApi } from './support/app';
import { adminToken, createPlatformSubject, registerSubject, TestSubject } from './support/factories';
import {
  applicationBody,
  applyFor,
  approvedOrder,
  deposit,
  listedProduct,
  pay,
  PURPOSE,
} from './support/trading-factories';

describe('Licensing (e2e)', () => {
  let api: TestApi;
  let db: DataSource;
  let admin: string;
  let vendor: TestSubject;
  let otherVendor: TestSubject;
  let buyer: TestSubject;
  let otherBuyer: TestSubject;
  let regulator: TestSubject;
  let productId: string;
  let perCallId: string;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    admin = await adminToken(api);
    [vendor, otherVendor, buyer, otherBuyer, regulator] = await Promise.all([
      registerSubject(api, { roles: ['vendor', 'buyer'], approveWith: admin }),
      registerSubject(api, { roles: ['vendor'], approveWith: admin }),
      registerSubject(api, { roles: ['buyer'], approveWith: admin }),
      registerSubject(api, { roles: ['buyer'], approveWith: admin }),
      createPlatformSubject(api, admin, ['regulator']),
    ]);
    [productId, perCallId] = await Promise.all([
      listedProduct(api, admin, vendor, { pricing: { model: 'one_time', priceFen: 50_000 }, maxTermDays: 180 }),
      listedProduct(api, admin, vendor, { pricing: { model: 'per_call', priceFen: 3 } }),
    ]);
    await deposit(api, admin, buyer.subjectId, 10_000_000);
  }, 30_000);
  afterAll(() => api.app.close());

  const as = (token: string) => ({
    get: (path: string) => api.http().get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body?: object) => api.http().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
  });

  describe('POST /license-applications', () => {
    it('should create a pending application, answered as its GET', async () => {
      const res = await as(buyer.token).post('/license-applications', applicationBody(productId)).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        productId,
        buyerId: buyer.subjectId,
        vendorId: vendor.subjectId,
        purpose: PURPOSE,
        purposeDetail: applicationBody(productId).purposeDetail,
        termDays: 90,
        calls: null,
        amountFen: 50_000,
        status: 'pending',
        orderId: null,
        rejectReason: null,
        createdAt: expect.any(String),
      });
      expect((await as(buyer.token).get(`/license-applications/${res.body.id}`).expect(200)).body).toEqual(res.body);
    });

    it('should refuse what the policy, the pricing or the catalog forbid', async () => {
      const post = (body: object, token = buyer.token) => as(token).post('/license-applications', body);
      const rejected = async (body: object, code: string, token = buyer.token) =>
        expect((await post(body, token).expect(422)).body.code).toBe(code);
      await rejected(applicationBody(productId, { purpose: '精准营销' }), 'purpose_not_allowed');
      await rejected(applicationBody(productId, { termDays: 181 }), 'term_too_long');
      await rejected(applicationBody(randomUUID()), 'product_not_listed');
      await rejected(applicationBody(productId), 'own_product', vendor.token);
      await post(applicationBody(perCallId, { calls: 1_000_000_001 })).expect(400);
      // Not listed: a product still in draft, and one its owner delisted.
      const delisted = await listedProduct(api, admin, otherVendor);
      await as(otherVendor.token).post(`/products/${delisted}/delist`).expect(200);
      await rejected(applicationBody(delisted), 'product_not_listed');
      // calls: required for per_call, refused otherwise (400).
      expect((await post(applicationBody(perCallId)).expect(400)).body.code).toBe('calls_required');
      expect((await post(applicationBody(productId, { calls: 10 })).expect(400)).body.code).toBe('calls_not_allowed');
      await post({ ...applicationBody(productId), extra: true }).expect(400);
      await post({ ...applicationBody(productId), productId: 'not-a-uuid' }).expect(400);
      await post(applicationBody(productId), otherVendor.token).expect(403);
      const [{ n }] = await db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM license_applications WHERE buyer_id = $1 AND status <> $2',
        [buyer.subjectId, 'pending'],
      );
      expect(n).toBe(0);
    });

    it('should refuse an amount above 10^13 fen (422)', async () => {
      const pricey = await listedProduct(api, admin, otherVendor, {
        pricing: { model: 'per_call', priceFen: 10_000_000_000 },
      });
      await as(buyer.token)
        .post('/license-applications', applicationBody(pricey, { calls: 1_000 }))
        .expect(201);
      const res = await as(buyer.token)
        .post('/license-applications', applicationBody(pricey, { calls: 1_001 }))
        .expect(422);
      expect(res.body.code).toBe('amount_out_of_range');
    });

    it('should approve at once with its order when the policy auto-approves', async () => {
      const auto = await listedProduct(api, admin, otherVendor, {
        autoApprove: true,
        pricing: { model: 'subscription', priceFen: 10_000 },
      });
      const res = await as(buyer.token)
        .post('/license-applications', applicationBody(auto, { termDays: 45 }))
        .expect(201);
      expect(res.body).toMatchObject({ status: 'approved', orderId: expect.any(String), amountFen: 20_000 });
      const order = await as(buyer.token).get(`/orders/${res.body.orderId}`).expect(200);
      expect(order.body).toMatchObject({
        status: 'pending_payment',
        licenseApplicationId: res.body.id,
        amountFen: 20_000,
      });
    });
  });

  describe('deciding applications', () => {
    it('should let only the product owner approve or reject: others who see it 403, others 404', async () => {
      const application = await applyFor(api, buyer, productId);
      const path = `/license-applications/${application.id}`;
      await as(otherVendor.token).post(`${path}/approve`).expect(404);
      await as(otherVendor.token).get(path).expect(404);
      await as(otherBuyer.token).get(path).expect(404);
      await as(otherBuyer.token).post(`${path}/withdraw`).expect(404);
      await as(buyer.token).post(`${path}/approve`).expect(403);
      await as(admin).post(`${path}/reject`, { reason: '不符合' }).expect(403);
      await as(regulator.token).get(path).expect(200);
      await as(admin).get(path).expect(200);
      const approved = await as(vendor.token).post(`${path}/approve`).expect(200);
      expect(approved.body).toMatchObject({ status: 'approved', orderId: expect.any(String) });
      await as(vendor.token).post(`${path}/approve`).expect(409);
      await as(vendor.token).post(`${path}/reject`, { reason: '晚了' }).expect(409);
      await as(buyer.token).post(`${path}/withdraw`).expect(409);
      const [{ n }] = await db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM orders WHERE license_application_id = $1',
        [application.id],
      );
      expect(n).toBe(1);
    });

    it('should reject with a reason and let the buyer withdraw, neither creating an order', async () => {
      const toReject = await applyFor(api, buyer, productId);
      const rejected = await as(vendor.token)
        .post(`/license-applications/${toReject.id}/reject`, { reason: '用途描述不清' })
        .expect(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '用途描述不清', orderId: null });
      await as(vendor.token).post(`/license-applications/${toReject.id}/reject`, {}).expect(400);

      const toWithdraw = await applyFor(api, buyer, productId);
      const withdrawn = await as(buyer.token).post(`/license-applications/${toWithdraw.id}/withdraw`).expect(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', orderId: null });
      await as(vendor.token).post(`/license-applications/${toWithdraw.id}/approve`).expect(409);
    });

    it('should refuse to approve once the product has left the catalog (422)', async () => {
      const leaving = await listedProduct(api, admin, otherVendor);
      const application = await applyFor(api, buyer, leaving);
      await as(otherVendor.token).post(`/products/${leaving}/delist`).expect(200);
      const res = await as(otherVendor.token).post(`/license-applications/${application.id}/approve`).expect(422);
      expect(res.body.code).toBe('product_not_listed');
    });

    it('should list the caller’s applications with filters', async () => {
      const mine = await as(otherBuyer.token).get('/license-applications').expect(200);
      expect(mine.body).toEqual({ items: [], nextCursor: null });
      const application = await applyFor(api, otherBuyer, perCallId, { calls: 100 });
      const forVendor = await as(vendor.token)
        .get(`/license-applications?productId=${perCallId}&status=pending`)
        .expect(200);
      expect(forVendor.body.items.map((a: { id: string }) => a.id)).toContain(application.id);
      const asBuyer = await as(otherBuyer.token).get('/license-applications').expect(200);
      expect(asBuyer.body.items).toEqual([expect.objectContaining({ id: application.id, calls: 100, amountFen: 300 })]);
    });
  });

  describe('licenses', () => {
    async function paidLicense(product = productId, overrides = {}): Promise<string> {
      const order = await approvedOrder(api, buyer, vendor, product, overrides);
      const paid = await pay(api, buyer, order.id).expect(200);
      return paid.body.licenseId as string;
    }

    it('should issue a per_call license with its quota and the policy frozen at approval', async () => {
      const id = await paidLicense(perCallId, { calls: 2_500 });
      const license = await as(buyer.token).get(`/licenses/${id}`).expect(200);
      expect(license.body).toMatchObject({
        callQuota: 2_500,
        callsUsed: 0,
        status: 'active',
        purpose: PURPOSE,
        policy: { purposes: [PURPOSE, '学术研究'], maxTermDays: 365, allowRedistribution: false, autoApprove: false },
      });
      await as(vendor.token).get(`/licenses/${id}`).expect(200);
      await as(regulator.token).get(`/licenses/${id}`).expect(200);
      await as(otherBuyer.token).get(`/licenses/${id}`).expect(404);
      await as(otherVendor.token).get(`/licenses/${id}`).expect(404);
    });

    it('should suspend, reinstate and revoke for the owner, admin and regulator; the buyer 403', async () => {
      const id = await paidLicense();
      const path = `/licenses/${id}`;
      await as(buyer.token).post(`${path}/suspend`, { reason: '自行暂停' }).expect(403);
      await as(otherVendor.token).post(`${path}/suspend`, { reason: '无关' }).expect(404);
      expect((await as(vendor.token).post(`${path}/suspend`, { reason: '核查用途' }).expect(200)).body.status).toBe(
        'suspended',
      );
      await as(regulator.token).post(`${path}/suspend`, { reason: '再次' }).expect(409);
      expect((await as(admin).post(`${path}/reinstate`).expect(200)).body.status).toBe('active');
      expect((await as(regulator.token).post(`${path}/revoke`, { reason: '违规使用' }).expect(200)).body.status).toBe(
        'revoked',
      );
      await as(vendor.token).post(`${path}/reinstate`).expect(409);
    });

    it('should read as expired after validUntil, refuse transitions then, and filter by status', async () => {
      const id = await paidLicense();
      await db.query(
        `UPDATE licenses SET valid_from = now() - interval '2 days', valid_until = now() - interval '1 second' WHERE id = $1`,
        [id],
      );
      expect((await as(buyer.token).get(`/licenses/${id}`).expect(200)).body.status).toBe('expired');
      await as(vendor.token).post(`/licenses/${id}/suspend`, { reason: '过期' }).expect(409);
      const expired = await as(buyer.token).get('/licenses?status=expired').expect(200);
      expect(expired.body.items.map((l: { id: string }) => l.id)).toEqual([id]);
      const active = await as(buyer.token).get('/licenses?status=active').expect(200);
      expect(active.body.items.map((l: { id: string }) => l.id)).not.toContain(id);
    });
  });
});
