import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startApi, startWorker, TestApi } from './support/app';
import { CertifiedData, createListedProduct, createProduct, uploadRecords } from './support/catalog-factories';
import { adminToken, registerSubject, TestSubject } from './support/factories';
import { grantPublicDataAuthorization, issueCertificate } from './support/registry-factories';
import { until } from './support/wait';

describe('Catalog cascades (e2e)', () => {
  let api: TestApi;
  let worker: NestFastifyApplication;
  let admin: string;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    admin = await adminToken(api);
    db = api.app.get(DataSource);
  });
  afterAll(async () => {
    await worker.close();
    await api.app.close();
  });

  async function certify(
    holder: TestSubject,
    category = '交通出行',
    sourceType: 'enterprise' | 'public' = 'enterprise',
  ): Promise<CertifiedData> {
    const records = [{ id: randomBytes(6).toString('hex') }];
    const { certNo } = await issueCertificate(api, admin, holder, {
      records,
      category,
      sourceType,
      rights: ['holding', 'operation'],
    });
    return { certNo, records, category, sourceType };
  }

  const statusOf = async (id: string) =>
    (
      await db.query<{ status: string; status_reason: string | null }[]>(
        'SELECT status, status_reason FROM products WHERE id = $1',
        [id],
      )
    )[0];

  /** A product of `cert` taken to pending_review. */
  async function pendingProduct(owner: TestSubject, cert: CertifiedData): Promise<string> {
    const { id } = await createProduct(api, owner, {
      certNo: cert.certNo,
      category: cert.category,
      sourceType: cert.sourceType,
    });
    await uploadRecords(api, owner, id, cert.records);
    await api.http().post(`/api/v1/products/${id}/submit`).auth(owner.token, { type: 'bearer' }).expect(200);
    return id;
  }

  it('should suspend the listed and pending products relying on a revoked certificate, and nothing else', async () => {
    const vendor = await registerSubject(api, { roles: ['vendor'], approveWith: admin });
    const [revoked, kept] = [await certify(vendor), await certify(vendor)];
    const listed = await createListedProduct(api, admin, vendor, revoked);
    const pending = await pendingProduct(vendor, revoked);
    const draft = (await createProduct(api, vendor, { certNo: revoked.certNo })).id;
    const unrelated = await createListedProduct(api, admin, vendor, kept);

    await api
      .http()
      .post(`/api/v1/certificates/${revoked.certNo}/revoke`)
      .auth(admin, { type: 'bearer' })
      .send({ reason: '登记材料造假' })
      .expect(200);

    await until(
      async () => (await statusOf(pending)).status === 'suspended' && (await statusOf(listed)).status === 'suspended',
    );
    expect((await statusOf(listed)).status_reason).toBe(`certificate ${revoked.certNo} was revoked: 登记材料造假`);
    expect((await statusOf(draft)).status).toBe('draft');
    expect((await statusOf(unrelated)).status).toBe('listed');
    await api.http().get(`/api/v1/products/${listed}`).expect(404);

    const events = await db.query(
      `SELECT actor_user_id, data FROM audit_events WHERE entity_id = $1 AND action = 'product.suspended'`,
      [listed],
    );
    expect(events).toEqual([
      { actor_user_id: null, data: expect.objectContaining({ from: 'listed', to: 'suspended' }) },
    ]);
    // The owner cannot bring it back while the certificate is revoked.
    const relist = await api
      .http()
      .post(`/api/v1/products/${listed}/relist`)
      .auth(vendor.token, { type: 'bearer' })
      .expect(422);
    expect(relist.body.code).toBe('certificate_not_valid');
  });

  it('should suspend the products relying on a transferred certificate', async () => {
    const [vendor, buyerOfRights] = await Promise.all([
      registerSubject(api, { roles: ['vendor'], approveWith: admin }),
      registerSubject(api, { roles: ['vendor'], approveWith: admin }),
    ]);
    const cert = await certify(vendor);
    const listed = await createListedProduct(api, admin, vendor, cert);
    await api
      .http()
      .post(`/api/v1/certificates/${cert.certNo}/transfer`)
      .auth(vendor.token, { type: 'bearer' })
      .send({ toSubjectId: buyerOfRights.subjectId })
      .expect((res) => expect([200, 201]).toContain(res.status));
    await until(async () => (await statusOf(listed)).status === 'suspended');
    expect((await statusOf(listed)).status_reason).toMatch(new RegExp(`certificate ${cert.certNo} was transferred`));
  });

  it("should suspend an operator's public-source products in the revoked domains only", async () => {
    const operator = await registerSubject(api, { roles: ['operator'], approveWith: admin });
    const [domain, otherDomain] = [
      `公共交通-${randomBytes(3).toString('hex')}`,
      `公共气象-${randomBytes(3).toString('hex')}`,
    ];
    const revokedAuth = await grantPublicDataAuthorization(api, admin, operator.subjectId, [domain]);
    await grantPublicDataAuthorization(api, admin, operator.subjectId, [otherDomain]);
    const publicInDomain = await createListedProduct(api, admin, operator, await certify(operator, domain, 'public'));
    const enterpriseInDomain = await createListedProduct(api, admin, operator, await certify(operator, domain));
    const publicElsewhere = await createListedProduct(
      api,
      admin,
      operator,
      await certify(operator, otherDomain, 'public'),
    );

    await api
      .http()
      .post(`/api/v1/public-data-authorizations/${revokedAuth.id}/revoke`)
      .auth(admin, { type: 'bearer' })
      .send({ reason: '授权到期前撤回' })
      .expect(200);

    await until(async () => (await statusOf(publicInDomain)).status === 'suspended');
    expect((await statusOf(publicInDomain)).status_reason).toMatch(/public-data authorization/);
    expect((await statusOf(enterpriseInDomain)).status).toBe('listed');
    expect((await statusOf(publicElsewhere)).status).toBe('listed');
  });
});
