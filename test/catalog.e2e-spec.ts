import { datasetDigest } from '@hst/catalog';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startApi, TestApi } from './support/app';
import {
  CertifiedData,
  createListedProduct,
  createProduct,
  productBody,
  uploadRecords,
} from './support/catalog-factories';
import { adminToken, createPlatformSubject, registerSubject, TestSubject } from './support/factories';
import { grantPublicDataAuthorization, issueCertificate } from './support/registry-factories';

const BODY_LIMIT_BYTES = 16_384;
const DATASET_MAX_BYTES = 65_536;

describe('Catalog (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let regulator: TestSubject;
  let vendor: TestSubject;
  let other: TestSubject;
  let operator: TestSubject;
  let buyer: TestSubject;
  let db: DataSource;
  let cert: CertifiedData;

  beforeAll(async () => {
    api = await startApi({ BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES), DATASET_MAX_BYTES: String(DATASET_MAX_BYTES) });
    db = api.app.get(DataSource);
    admin = await adminToken(api);
    [regulator, vendor, other, operator, buyer] = await Promise.all([
      createPlatformSubject(api, admin, ['regulator']),
      registerSubject(api, { roles: ['vendor'], approveWith: admin }),
      registerSubject(api, { roles: ['vendor'], approveWith: admin }),
      registerSubject(api, { roles: ['operator'], approveWith: admin }),
      registerSubject(api, { roles: ['buyer'], approveWith: admin }),
    ]);
    cert = await certify(vendor);
  });
  afterAll(() => api.app.close());

  /** A certificate for fresh records, with the operation right unless told otherwise. */
  async function certify(
    holder: TestSubject,
    options: {
      category?: string;
      sourceType?: 'enterprise' | 'public';
      rights?: ('holding' | 'processing' | 'operation')[];
    } = {},
  ): Promise<CertifiedData> {
    const records = [
      { vin: randomBytes(4).toString('hex'), lat: 30.5, lng: 114.3 },
      { vin: randomBytes(4).toString('hex'), lat: 30.6, lng: 114.2 },
    ];
    const category = options.category ?? '交通出行';
    const sourceType = options.sourceType ?? 'enterprise';
    const { certNo } = await issueCertificate(api, admin, holder, {
      records,
      category,
      sourceType,
      rights: options.rights ?? ['holding', 'operation'],
    });
    return { certNo, records, category, sourceType };
  }

  const as = (token: string | null) => {
    const auth = <T extends { auth: (t: string, o: { type: 'bearer' }) => T }>(r: T) =>
      token === null ? r : r.auth(token, { type: 'bearer' });
    return {
      get: (path: string) => auth(api.http().get(`/api/v1${path}`)),
      post: (path: string, body?: object) => auth(api.http().post(`/api/v1${path}`)).send(body),
      patch: (path: string, body: object) => auth(api.http().patch(`/api/v1${path}`)).send(body),
      put: (path: string) => auth(api.http().put(`/api/v1${path}`)),
    };
  };

  describe('creating and editing', () => {
    it('should create a draft (201) answered exactly as its GET, for vendors and operators', async () => {
      const created = await as(vendor.token)
        .post('/products', productBody({ certNo: cert.certNo }))
        .expect(201);
      expect(created.body).toMatchObject({
        status: 'draft',
        vendor: { id: vendor.subjectId },
        title: '智能网联汽车轨迹数据',
        pricing: { model: 'per_call', priceFen: 50 },
        policy: { purposes: ['交通规划研究'], maxTermDays: 365, allowRedistribution: false, autoApprove: false },
        certNo: cert.certNo,
        certificate: {
          certNo: cert.certNo,
          status: 'valid',
          holder: { id: vendor.subjectId },
          rights: ['holding', 'operation'],
        },
        dataset: null,
        statusReason: null,
        listedAt: null,
      });
      expect(typeof created.body.vendor.name).toBe('string');
      const fetched = await as(vendor.token).get(`/products/${created.body.id}`).expect(200);
      expect(fetched.body).toEqual(created.body);
      await as(operator.token).post('/products', productBody()).expect(201);
    });

    it('should refuse buyers and regulators (403) and anonymous callers (401)', async () => {
      await as(buyer.token).post('/products', productBody()).expect(403);
      await as(regulator.token).post('/products', productBody()).expect(403);
      await as(null).post('/products', productBody()).expect(401);
    });

    it.each<[string, object]>([
      ['a missing title', { title: undefined }],
      ['an unknown field', { color: 'red' }],
      ['a status', { status: 'listed' }],
      ['an unknown delivery mode', { deliveryMode: 'email' }],
      ['an unknown source type', { sourceType: 'stolen' }],
      ['a malformed certNo', { certNo: 'CERT-1' }],
      ['a zero price', { pricing: { model: 'one_time', priceFen: 0 } }],
      ['a fractional price', { pricing: { model: 'one_time', priceFen: 1.5 } }],
      ['a price as a string', { pricing: { model: 'one_time', priceFen: '100' } }],
      ['an unknown pricing model', { pricing: { model: 'auction', priceFen: 100 } }],
      ['no purposes', { policy: { purposes: [], maxTermDays: 30, allowRedistribution: false, autoApprove: false } }],
      ['a policy without autoApprove', { policy: { purposes: ['x'], maxTermDays: 30, allowRedistribution: false } }],
      ['tags that are not strings', { tags: [1, 2] }],
    ])('should refuse %s with 400', async (_label, override) => {
      await as(vendor.token)
        .post('/products', productBody(override as never))
        .expect(400);
    });

    it('should refuse a price above 10^13 fen with 422 and keep exactly 10^13 as a JSON number', async () => {
      const tooMuch = await as(vendor.token)
        .post('/products', productBody({ pricing: { model: 'one_time', priceFen: 10_000_000_000_001 } }))
        .expect(422);
      expect(tooMuch.body).toMatchObject({ statusCode: 422, code: 'price_out_of_range' });
      const max = await as(vendor.token)
        .post('/products', productBody({ pricing: { model: 'one_time', priceFen: 10_000_000_000_000 } }))
        .expect(201);
      expect(max.body.pricing.priceFen).toBe(10_000_000_000_000);
      await as(vendor.token)
        .patch(`/products/${max.body.id}`, { pricing: { model: 'one_time', priceFen: 1e14 } })
        .expect(422);
    });

    it('should let the owner edit a draft without changing its status, and no one else', async () => {
      const product = await createProduct(api, vendor);
      const edited = await as(vendor.token)
        .patch(`/products/${product.id}`, {
          title: '  城市公交客流数据  ',
          pricing: { model: 'subscription', priceFen: 9900 },
        })
        .expect(200);
      expect(edited.body).toMatchObject({
        status: 'draft',
        title: '城市公交客流数据',
        pricing: { model: 'subscription', priceFen: 9900 },
        summary: product.summary,
      });
      await as(vendor.token).patch(`/products/${product.id}`, { status: 'listed' }).expect(400);
      await as(other.token).patch(`/products/${product.id}`, { title: 'x' }).expect(404);
      await as(admin).patch(`/products/${product.id}`, { title: 'x' }).expect(403);
      await as(vendor.token).patch('/products/00000000-0000-4000-8000-000000000000', { title: 'x' }).expect(404);
      await as(vendor.token).patch('/products/not-a-uuid', { title: 'x' }).expect(400);
    });

    it('should show a draft to its owner, admins and regulators only', async () => {
      const product = await createProduct(api, vendor, { title: `草稿产品${randomBytes(3).toString('hex')}` });
      await as(null).get(`/products/${product.id}`).expect(404);
      await as(other.token).get(`/products/${product.id}`).expect(404);
      await as(buyer.token).get(`/products/${product.id}`).expect(404);
      await as(admin).get(`/products/${product.id}`).expect(200);
      await as(regulator.token).get(`/products/${product.id}`).expect(200);
      const mine = await as(vendor.token)
        .get(`/products?mine=true&q=${encodeURIComponent(product.title as string)}`)
        .expect(200);
      expect(mine.body.items).toEqual([expect.objectContaining({ id: product.id, status: 'draft' })]);
      const pub = await as(vendor.token)
        .get(`/products?q=${encodeURIComponent(product.title as string)}`)
        .expect(200);
      expect(pub.body).toEqual({ items: [], total: 0, nextCursor: null });
      await as(null).get('/products?mine=true').expect(401);
      await as(null).get('/products?mine=maybe').expect(400);
    });
  });

  describe('datasets', () => {
    let productId: string;
    beforeAll(async () => {
      productId = (await createProduct(api, vendor, { certNo: cert.certNo })).id;
    });
    const put = (token: string) => as(token).put(`/products/${productId}/dataset`);

    it('should store JSON records and report their digest and whether they match the certificate', async () => {
      const other = await put(vendor.token)
        .send({ records: [{ a: 1 }] })
        .expect(200);
      expect(other.body).toEqual({
        recordCount: 1,
        contentDigest: datasetDigest([{ a: 1 }]),
        matchesCertificate: false,
      });
      const certified = await put(vendor.token).send({ records: cert.records }).expect(200);
      expect(certified.body).toEqual({
        recordCount: 2,
        contentDigest: datasetDigest(cert.records as never),
        matchesCertificate: true,
      });
      const product = await as(vendor.token).get(`/products/${productId}`).expect(200);
      expect(product.body.dataset).toMatchObject({ recordCount: 2, contentDigest: certified.body.contentDigest });
      const [row] = await db.query('SELECT records FROM product_datasets WHERE product_id = $1', [productId]);
      expect(row.records).toEqual(cert.records);
    });

    it('should store CSV rows as objects of strings keyed by the header', async () => {
      const res = await put(vendor.token)
        .set('Content-Type', 'text/csv; charset=utf-8')
        .send('id,城市,人口\n1,武汉,13739000\n2,"襄阳, 湖北",5260000\n')
        .expect(200);
      const records = [
        { id: '1', 城市: '武汉', 人口: '13739000' },
        { id: '2', 城市: '襄阳, 湖北', 人口: '5260000' },
      ];
      expect(res.body).toEqual({ recordCount: 2, contentDigest: datasetDigest(records), matchesCertificate: false });
    });

    it('should refuse other content types (415), malformed data (400) and other subjects (404, 403)', async () => {
      await put(vendor.token).set('Content-Type', 'text/plain').send('a,b\n1,2\n').expect(415);
      await put(vendor.token).set('Content-Type', 'application/xml').send('<records/>').expect(415);
      await put(vendor.token).set('Content-Type', 'text/csv').send('a,b\n1\n').expect(400);
      await put(vendor.token).set('Content-Type', 'text/csv').send('a,b\n').expect(400);
      await put(vendor.token).send({ records: [] }).expect(400);
      await put(vendor.token)
        .send({ records: [1, 2] })
        .expect(400);
      await put(vendor.token)
        .send({ rows: [{ a: 1 }] })
        .expect(400);
      await put(vendor.token).set('Content-Type', 'application/json').send('{"records": [').expect(400);
      await put(other.token)
        .send({ records: [{ a: 1 }] })
        .expect(404);
      await put(admin)
        .send({ records: [{ a: 1 }] })
        .expect(403);
      await put(buyer.token)
        .send({ records: [{ a: 1 }] })
        .expect(403);
    });

    it('should take datasets above the general body limit up to DATASET_MAX_BYTES, and refuse more with 413', async () => {
      const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ i, text: '数据'.repeat(20) }));
      const big = { records: rows(300) };
      expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(BODY_LIMIT_BYTES);
      expect(Buffer.byteLength(JSON.stringify(big))).toBeLessThan(DATASET_MAX_BYTES);
      await put(vendor.token).send(big).expect(200);
      const huge = { records: rows(1000) };
      expect(Buffer.byteLength(JSON.stringify(huge))).toBeGreaterThan(DATASET_MAX_BYTES);
      await put(vendor.token).send(huge).expect(413);
      const csv = `i,text\n${rows(1000)
        .map((r) => `${r.i},${r.text}`)
        .join('\n')}`;
      await put(vendor.token).set('Content-Type', 'text/csv').send(csv).expect(413);
      // Other routes keep the general limit.
      await as(vendor.token)
        .post('/products', productBody({ description: 'x'.repeat(BODY_LIMIT_BYTES) }))
        .expect(413);
    });
  });

  describe('submission rules (422, naming the rule)', () => {
    async function submitWith(
      certified: CertifiedData,
      overrides: { records?: object[]; category?: string; sourceType?: string; owner?: TestSubject } = {},
    ) {
      const owner = overrides.owner ?? vendor;
      const product = await createProduct(api, owner, {
        certNo: certified.certNo,
        category: overrides.category ?? certified.category,
        sourceType: overrides.sourceType ?? certified.sourceType,
      });
      await uploadRecords(api, owner, product.id, overrides.records ?? certified.records);
      return as(owner.token).post(`/products/${product.id}/submit`);
    }
    const refused = async (res: Promise<{ status: number; body: { code: string; message: string } }>, code: string) => {
      const { status, body } = await res;
      expect({ status, code: body.code }).toEqual({ status: 422, code });
      return body.message;
    };

    it('should need a dataset', async () => {
      const product = await createProduct(api, vendor, { certNo: cert.certNo });
      const message = await refused(as(vendor.token).post(`/products/${product.id}/submit`), 'dataset_missing');
      expect(message).toMatch(/dataset/i);
    });

    it('should need a certificate that exists and is held by the owner', async () => {
      await refused(submitWith({ ...cert, certNo: 'WHDR-1999-000001' }), 'certificate_not_found');
      await refused(submitWith(cert, { owner: other }), 'certificate_not_held');
    });

    it('should need the operation right', async () => {
      const noOperation = await certify(vendor, { rights: ['holding', 'processing'] });
      const message = await refused(submitWith(noOperation), 'certificate_lacks_operation_right');
      expect(message).toMatch(/operation/);
    });

    it('should need the dataset whose digest the certificate confirms', async () => {
      const message = await refused(submitWith(cert, { records: [{ other: 'data' }] }), 'dataset_digest_mismatch');
      expect(message).toMatch(/contentDigest/);
    });

    it("should need the certificate's category and sourceType", async () => {
      expect(await refused(submitWith(cert, { category: '医疗健康' }), 'category_mismatch')).toMatch(/交通出行/);
      expect(await refused(submitWith(cert, { sourceType: 'third_party' }), 'source_type_mismatch')).toMatch(
        /third_party/,
      );
    });

    it('should need a valid certificate (not revoked)', async () => {
      const revoked = await certify(vendor);
      await as(admin).post(`/certificates/${revoked.certNo}/revoke`, { reason: '权属争议' }).expect(200);
      expect(await refused(submitWith(revoked), 'certificate_not_valid')).toMatch(/revoked/);
    });

    it('should need, for public data, an active authorization covering the category', async () => {
      const category = `公共交通-${randomBytes(3).toString('hex')}`;
      await grantPublicDataAuthorization(api, admin, operator.subjectId, [category]);
      const publicCert = await certify(operator, { category, sourceType: 'public' });
      const ok = await submitWith(publicCert, { owner: operator });
      expect(ok.status).toBe(200);
      expect(ok.body.status).toBe('pending_review');

      const uncovered = `公共医疗-${randomBytes(3).toString('hex')}`;
      await grantPublicDataAuthorization(api, admin, operator.subjectId, [uncovered]);
      const uncoveredCert = await certify(operator, { category: uncovered, sourceType: 'public' });
      // The certificate is fine; the product claims another (uncovered) category → category rule first.
      await refused(submitWith(uncoveredCert, { owner: operator, category }), 'category_mismatch');
      await db.query(`UPDATE public_data_authorizations SET status = 'revoked' WHERE operator_id = $1`, [
        operator.subjectId,
      ]);
      await refused(submitWith(uncoveredCert, { owner: operator }), 'public_data_authorization_missing');
    });
  });

  describe('the life cycle', () => {
    it('should walk every legal transition and refuse every illegal one with 409', async () => {
      const { id } = await createProduct(api, vendor, { certNo: cert.certNo });
      await uploadRecords(api, vendor, id, cert.records);
      const p = (path: string) => `/products/${id}/${path}`;
      const reason = { reason: '材料不全' };
      const illegal = async (...attempts: [string, string, object?][]) => {
        for (const [path, token, body] of attempts) {
          const res = await as(token).post(p(path), body);
          expect({ path, status: res.status }).toEqual({ path, status: 409 });
        }
      };

      // draft
      await illegal(
        ['approve', admin],
        ['reject', admin, reason],
        ['delist', vendor.token],
        ['relist', vendor.token],
        ['suspend', admin, reason],
      );
      expect((await as(vendor.token).post(p('submit')).expect(200)).body.status).toBe('pending_review');

      // pending_review
      await illegal(['submit', vendor.token], ['delist', vendor.token], ['relist', vendor.token]);
      await as(vendor.token).patch(`/products/${id}`, { title: '改名' }).expect(409);
      await as(vendor.token).put(`/products/${id}/dataset`).send({ records: cert.records }).expect(409);
      await as(vendor.token).post(p('approve')).expect(403);
      await as(regulator.token).post(p('approve')).expect(403);
      await as(admin).post(p('reject'), {}).expect(400);
      const rejected = await as(admin).post(p('reject'), reason).expect(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', statusReason: '材料不全' });

      // rejected: edit, then submit again
      await illegal(
        ['approve', admin],
        ['reject', admin, reason],
        ['delist', vendor.token],
        ['relist', vendor.token],
        ['suspend', admin, reason],
      );
      await as(vendor.token).patch(`/products/${id}`, { summary: '补充了材料' }).expect(200);
      await as(admin).post(p('submit')).expect(403);
      await as(vendor.token).post(p('submit')).expect(200);
      const listed = await as(admin).post(p('approve')).expect(200);
      expect(listed.body).toMatchObject({ status: 'listed', statusReason: null, summary: '补充了材料' });
      expect(Date.parse(listed.body.listedAt)).toBeGreaterThan(Date.now() - 60_000);

      // listed: public now
      await as(null).get(`/products/${id}`).expect(200);
      await illegal(['submit', vendor.token], ['approve', admin], ['reject', admin, reason], ['relist', vendor.token]);
      await as(vendor.token).patch(`/products/${id}`, { title: '改名' }).expect(409);
      await as(regulator.token).post(p('delist')).expect(403);
      await as(vendor.token).post(p('suspend'), reason).expect(403);
      const delisted = await as(vendor.token).post(p('delist')).expect(200);
      expect(delisted.body.status).toBe('delisted');
      await as(null).get(`/products/${id}`).expect(404);

      // delisted
      await illegal(['submit', vendor.token], ['approve', admin], ['delist', admin], ['suspend', admin, reason]);
      await as(admin).post(p('relist')).expect(403);
      expect((await as(vendor.token).post(p('relist')).expect(200)).body.status).toBe('pending_review');
      await as(admin).post(p('approve')).expect(200);

      // suspended by a regulator, relisted by the owner, delisted by an admin
      const suspended = await as(regulator.token).post(p('suspend'), { reason: '数据来源存疑' }).expect(200);
      expect(suspended.body).toMatchObject({ status: 'suspended', statusReason: '数据来源存疑' });
      await as(null).get(`/products/${id}`).expect(404);
      await illegal(['submit', vendor.token], ['approve', admin], ['delist', vendor.token], ['suspend', admin, reason]);
      await as(vendor.token).post(p('relist')).expect(200);
      await as(admin).post(p('suspend'), reason).expect(200); // a product under review can be stopped too
      await as(vendor.token).post(p('relist')).expect(200);
      await as(admin).post(p('approve')).expect(200);
      expect((await as(admin).post(p('delist')).expect(200)).body.status).toBe('delisted');

      // every transition wrote its audit event and its domain event, in order
      const expected = [
        'product.created',
        'product.dataset_uploaded',
        'product.submitted',
        'product.rejected',
        'product.updated',
        'product.submitted',
        'product.listed',
        'product.delisted',
        'product.relisted',
        'product.listed',
        'product.suspended',
        'product.relisted',
        'product.suspended',
        'product.relisted',
        'product.listed',
        'product.delisted',
      ];
      const outbox = await db.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY id`, [id]);
      expect(outbox.map((e: { type: string }) => e.type)).toEqual(expected);
      const audit = await db.query(
        `SELECT action, actor_role FROM audit_events WHERE entity_type = 'product' AND entity_id = $1 ORDER BY arrival`,
        [id],
      );
      expect(audit.map((e: { action: string }) => e.action)).toEqual(expected);
      expect(audit[3]).toEqual({ action: 'product.rejected', actor_role: 'admin' });
      expect(audit[10]).toEqual({ action: 'product.suspended', actor_role: 'regulator' });
    });

    it("should answer 404 on every route for another vendor's product", async () => {
      const { id } = await createProduct(api, vendor, { certNo: cert.certNo });
      const t = other.token;
      await as(t).get(`/products/${id}`).expect(404);
      await as(t).patch(`/products/${id}`, { title: 'x' }).expect(404);
      await as(t)
        .put(`/products/${id}/dataset`)
        .send({ records: [{ a: 1 }] })
        .expect(404);
      for (const path of ['submit', 'delist', 'relist']) await as(t).post(`/products/${id}/${path}`).expect(404);
      for (const path of ['approve', 'reject', 'suspend']) {
        await as(t).post(`/products/${id}/${path}`, { reason: 'x' }).expect(403); // admin-only routes refuse the role first
      }
    });

    it("should take a suspended vendor's products out of the public catalog, and back on reinstatement", async () => {
      const seller = await registerSubject(api, { roles: ['vendor'], approveWith: admin });
      const sellerCert = await certify(seller);
      const tag = `停牌测试${randomBytes(3).toString('hex')}`;
      const id = await createListedProduct(api, admin, seller, sellerCert, { title: tag });
      const search = () =>
        as(null)
          .get(`/products?q=${encodeURIComponent(tag)}`)
          .expect(200);
      expect((await search()).body.total).toBe(1);
      await as(admin).post(`/subjects/${seller.subjectId}/suspend`, { reason: '违规' }).expect(200);
      expect((await search()).body.total).toBe(0);
      await as(null).get(`/products/${id}`).expect(404);
      await as(regulator.token).get(`/products/${id}`).expect(200);
      await as(admin).post(`/subjects/${seller.subjectId}/reinstate`).expect(200);
      expect((await search()).body.total).toBe(1);
      await as(null).get(`/products/${id}`).expect(200);
    });
  });
});
