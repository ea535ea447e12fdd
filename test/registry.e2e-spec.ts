import { canonicalJson } from '@hst/common';
import { createPublicKey, verify } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startApi, TestApi } from './support/app';
import { adminToken, createPlatformSubject, registerSubject, TestSubject } from './support/factories';
import {
  endNoticeNow,
  grantPublicDataAuthorization,
  issueCertificate,
  registrationRequest,
} from './support/registry-factories';
import { sleep } from './support/wait';

describe('Registry (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let vendor: TestSubject;
  let other: TestSubject;
  let regulator: TestSubject;

  beforeAll(async () => {
    api = await startApi();
    admin = await adminToken(api);
    vendor = await registerSubject(api, { roles: ['vendor'], approveWith: admin });
    other = await registerSubject(api, { roles: ['vendor', 'buyer'], approveWith: admin });
    regulator = await createPlatformSubject(api, admin);
  });
  afterAll(() => api.app.close());

  const as = (token: string) => ({
    get: (path: string) => api.http().get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body?: object) => api.http().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
  });

  async function submitted(owner = vendor, options: Parameters<typeof registrationRequest>[0] = {}): Promise<string> {
    const res = await as(owner.token).post('/registrations', registrationRequest(options)).expect(201);
    return res.body.id as string;
  }

  async function inNotice(owner = vendor): Promise<string> {
    const id = await submitted(owner);
    await as(admin).post(`/registrations/${id}/start-notice`).expect(200);
    return id;
  }

  describe('POST /registrations', () => {
    it('should create a submitted registration, answered as its GET', async () => {
      const body = registrationRequest();
      const res = await as(vendor.token).post('/registrations', body).expect(201);
      expect(res.body).toMatchObject({
        ...body,
        id: expect.any(String),
        applicantId: vendor.subjectId,
        status: 'submitted',
        noticeEndsAt: null,
        objections: [],
        certNo: null,
        rejectReason: null,
      });
      expect((await as(vendor.token).get(`/registrations/${res.body.id}`).expect(200)).body).toEqual(res.body);
    });

    it('should refuse core data (422), buyers (403) and malformed requests (400)', async () => {
      await as(vendor.token)
        .post('/registrations', { ...registrationRequest(), sensitivity: 'core' })
        .expect(422);
      const buyer = await registerSubject(api, { roles: ['buyer'], approveWith: admin });
      await as(buyer.token).post('/registrations', registrationRequest()).expect(403);
      await as(vendor.token)
        .post('/registrations', { ...registrationRequest(), contentDigest: 'abc' })
        .expect(400);
      await as(vendor.token)
        .post('/registrations', { ...registrationRequest(), rightsClaimed: [] })
        .expect(400);
      await as(vendor.token)
        .post('/registrations', { ...registrationRequest(), rightsClaimed: ['owning'] })
        .expect(400);
      await as(vendor.token)
        .post('/registrations', { ...registrationRequest(), recordCount: -1 })
        .expect(400);
      await as(vendor.token)
        .post('/registrations', { ...registrationRequest(), extra: true })
        .expect(400);
    });

    it('should require an active public-data authorization covering the category for public data', async () => {
      const operator = await registerSubject(api, { roles: ['operator'], approveWith: admin });
      const body = registrationRequest({ sourceType: 'public', category: '公共交通' });
      const refused = await as(operator.token).post('/registrations', body).expect(422);
      expect(refused.body.message).toMatch(/authorization/);
      const { id } = await grantPublicDataAuthorization(api, admin, operator.subjectId, ['公共交通']);
      await as(operator.token).post('/registrations', body).expect(201);
      await as(operator.token)
        .post('/registrations', registrationRequest({ sourceType: 'public', category: '气象' }))
        .expect(422);
      await as(admin).post(`/public-data-authorizations/${id}/revoke`, { reason: '到期前收回' }).expect(200);
      await as(operator.token).post('/registrations', body).expect(422);
    });
  });

  describe('visibility', () => {
    it('should hide a submitted registration from others and show them only the public notice while in notice', async () => {
      const id = await submitted();
      await as(other.token).get(`/registrations/${id}`).expect(404);
      await as(regulator.token).get(`/registrations/${id}`).expect(200);
      await as(admin).post(`/registrations/${id}/start-notice`).expect(200);
      const notice = await as(other.token).get(`/registrations/${id}`).expect(200);
      expect(notice.body).toEqual({
        id,
        assetName: '智能网联汽车轨迹数据',
        applicant: { id: vendor.subjectId, name: expect.any(String), uscc: expect.any(String) },
        category: '交通出行',
        rightsClaimed: ['holding', 'processing', 'operation'],
        contentDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
        noticeEndsAt: expect.any(String),
      });
      const list = await as(other.token).get('/registrations?limit=100').expect(200);
      expect(list.body.items.some((r: { id: string }) => r.id === id)).toBe(true);
      expect(list.body.items.every((r: { description?: string }) => r.description === undefined)).toBe(true);
      const mine = await as(vendor.token).get('/registrations?mine=true&limit=100').expect(200);
      expect(mine.body.items.every((r: { applicantId: string }) => r.applicantId === vendor.subjectId)).toBe(true);
      await as(vendor.token).get('/registrations?limit=101').expect(400);
      await as(vendor.token).get('/registrations/not-a-uuid').expect(400);
    });
  });

  describe('review and objections', () => {
    it('should allow only legal transitions (409 otherwise) and only admins to review (403)', async () => {
      const id = await submitted();
      await as(vendor.token).post(`/registrations/${id}/start-notice`).expect(403);
      await as(admin).post(`/registrations/${id}/resolve-objection`, { upheld: true, note: 'x' }).expect(409);
      await as(admin).post(`/registrations/${id}/start-notice`).expect(200);
      await as(admin).post(`/registrations/${id}/start-notice`).expect(409);
      await as(admin).post(`/registrations/${id}/reject`, { reason: '材料不全' }).expect(409);
      const rejectable = await submitted();
      const rejected = await as(admin).post(`/registrations/${rejectable}/reject`, { reason: '材料不全' }).expect(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '材料不全' });
      await as(admin).post(`/registrations/00000000-0000-4000-8000-000000000000/start-notice`).expect(404);
    });

    it('should take one objection at a time, not from the applicant, and uphold it into a rejection', async () => {
      const id = await inNotice();
      await as(vendor.token).post(`/registrations/${id}/objections`, { reason: '我反对我自己' }).expect(403);
      const objected = await as(other.token)
        .post(`/registrations/${id}/objections`, { reason: '该数据由我方采集' })
        .expect(201);
      expect(objected.body.id).toBe(id);
      await as(regulator.token).post(`/registrations/${id}/objections`, { reason: '再议' }).expect(409);
      const full = await as(vendor.token).get(`/registrations/${id}`).expect(200);
      expect(full.body).toMatchObject({ status: 'objected', noticeEndsAt: null });
      expect(full.body.objections).toEqual([
        expect.objectContaining({
          objectorId: other.subjectId,
          reason: '该数据由我方采集',
          status: 'open',
          note: null,
        }),
      ]);
      const upheld = await as(admin)
        .post(`/registrations/${id}/resolve-objection`, { upheld: true, note: '异议成立' })
        .expect(200);
      expect(upheld.body).toMatchObject({ status: 'rejected', rejectReason: '异议成立' });
      expect(upheld.body.objections[0]).toMatchObject({
        status: 'upheld',
        note: '异议成立',
        resolvedAt: expect.any(String),
      });
    });

    it('should give the remaining notice time back when an objection is dismissed', async () => {
      const id = await inNotice();
      const before = await as(vendor.token).get(`/registrations/${id}`).expect(200);
      const remainingMs = Date.parse(before.body.noticeEndsAt) - Date.now();
      await as(other.token).post(`/registrations/${id}/objections`, { reason: '存疑' }).expect(201);
      await sleep(300);
      const dismissed = await as(admin)
        .post(`/registrations/${id}/resolve-objection`, { upheld: false, note: '异议不成立' })
        .expect(200);
      expect(dismissed.body.status).toBe('in_notice');
      const resumedRemaining = Date.parse(dismissed.body.noticeEndsAt) - Date.now();
      expect(Math.abs(resumedRemaining - remainingMs)).toBeLessThan(1000);
      expect(Date.parse(dismissed.body.noticeEndsAt)).toBeGreaterThan(Date.parse(before.body.noticeEndsAt));
    });

    it('should refuse an objection once the notice has ended (409)', async () => {
      const id = await inNotice();
      await api.app
        .get(DataSource)
        .query(`UPDATE registrations SET notice_ends_at = now() - interval '1 second' WHERE id = $1`, [id]);
      await as(other.token).post(`/registrations/${id}/objections`, { reason: '迟到的异议' }).expect(409);
    });

    it('should audit every transition in the same transaction', async () => {
      const id = await inNotice();
      const rows = await api.app
        .get(DataSource)
        .query<{ action: string }[]>(
          `SELECT action FROM audit_events WHERE entity_type = 'registration' AND entity_id = $1 ORDER BY arrival`,
          [id],
        );
      expect(rows.map((r) => r.action)).toEqual(['registration.submitted', 'registration.notice_started']);
    });
  });

  describe('certificates', () => {
    it('should issue a certificate whose Ed25519 signature verifies against the published key', async () => {
      const { certNo, registrationId } = await issueCertificate(api, admin, vendor, { records: [{ a: '1' }] });
      expect(certNo).toMatch(/^WHDR-\d{4}-\d{6}$/);
      const cert = (await api.http().get(`/api/v1/certificates/${certNo}`).expect(200)).body;
      expect(cert).toMatchObject({
        certNo,
        registrationId,
        holder: { subjectId: vendor.subjectId, name: expect.any(String), uscc: expect.any(String) },
        rights: ['holding', 'processing', 'operation'],
        status: 'valid',
      });
      const keys = (await api.http().get('/api/v1/certificates/keys').expect(200)).body as {
        keyId: string;
        publicKeyPem: string;
      }[];
      const key = keys.find((k) => k.keyId === cert.keyId)!;
      const {
        certNo: n,
        registrationId: r,
        holder,
        assetName,
        rights,
        contentDigest,
        issuedAt,
        validUntil,
        keyId,
      } = cert;
      const signed = {
        certNo: n,
        registrationId: r,
        holder,
        assetName,
        rights,
        contentDigest,
        issuedAt,
        validUntil,
        keyId,
      };
      const check = (fields: object) =>
        verify(
          null,
          Buffer.from(canonicalJson(fields)),
          createPublicKey(key.publicKeyPem),
          Buffer.from(cert.signature, 'base64'),
        );
      expect(check(signed)).toBe(true);
      expect(check({ ...signed, assetName: '篡改后的资产' })).toBe(false);
      expect(check({ ...signed, validUntil: '2099-01-01T00:00:00.000Z' })).toBe(false);
      expect((await api.http().get(`/api/v1/certificates/${certNo}/verify`).expect(200)).body).toEqual({
        valid: true,
        reasons: [],
      });
      const registration = await as(vendor.token).get(`/registrations/${registrationId}`).expect(200);
      expect(registration.body).toMatchObject({ status: 'registered', certNo });
    });

    it('should report a certificate edited in the database as no longer matching its signature', async () => {
      const { certNo } = await issueCertificate(api, admin, vendor, { records: [{ a: '2' }] });
      await api.app
        .get(DataSource)
        .query(`UPDATE certificates SET asset_name = '被改过的名称' WHERE cert_no = $1`, [certNo]);
      const res = await api.http().get(`/api/v1/certificates/${certNo}/verify`).expect(200);
      expect(res.body).toEqual({ valid: false, reasons: ['signature does not match the certificate'] });
      await api.http().get('/api/v1/certificates/WHDR-1999-000001').expect(404);
    });

    it('should number certificates without gaps or duplicates when many notices end at once', async () => {
      const ids = await Promise.all(Array.from({ length: 8 }, () => inNotice()));
      await Promise.all(ids.map((id) => endNoticeNow(api, id)));
      const rows = await api.app.get(DataSource).query<{ cert_no: string }[]>('SELECT cert_no FROM certificates');
      const byYear = new Map<string, number[]>();
      for (const { cert_no } of rows) {
        const [, year, n] = cert_no.split('-');
        byYear.set(year, [...(byYear.get(year) ?? []), Number(n)]);
      }
      for (const numbers of byYear.values()) {
        expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
      }
    });

    it('should issue once however often and concurrently the notice end runs', async () => {
      const id = await inNotice();
      await api.app
        .get(DataSource)
        .query(`UPDATE registrations SET notice_ends_at = now() - interval '1 second' WHERE id = $1`, [id]);
      const { RegistrationService } = await import('@hst/registry');
      const service = api.app.get(RegistrationService);
      const outcomes = await Promise.all(Array.from({ length: 5 }, () => service.endNotice(id)));
      expect(outcomes.filter((o) => o === 'registered')).toHaveLength(1);
      const [{ n }] = await api.app
        .get(DataSource)
        .query<{ n: number }[]>('SELECT count(*)::int AS n FROM certificates WHERE registration_id = $1', [id]);
      expect(n).toBe(1);
    });

    it('should revoke (admin only) and then fail verification', async () => {
      const { certNo } = await issueCertificate(api, admin, vendor, { records: [{ a: '3' }] });
      await as(vendor.token).post(`/certificates/${certNo}/revoke`, { reason: '权属争议' }).expect(403);
      const revoked = await as(admin).post(`/certificates/${certNo}/revoke`, { reason: '权属争议' }).expect(200);
      expect(revoked.body.status).toBe('revoked');
      await as(admin).post(`/certificates/${certNo}/revoke`, { reason: '再次' }).expect(409);
      const verdict = await api.http().get(`/api/v1/certificates/${certNo}/verify`).expect(200);
      expect(verdict.body).toEqual({ valid: false, reasons: ['certificate is revoked'] });
    });

    it('should transfer from the holder to another active subject with a new certificate', async () => {
      const { certNo } = await issueCertificate(api, admin, vendor, { records: [{ a: '4' }] });
      await as(other.token).post(`/certificates/${certNo}/transfer`, { toSubjectId: other.subjectId }).expect(403);
      await as(vendor.token).post(`/certificates/${certNo}/transfer`, { toSubjectId: vendor.subjectId }).expect(422);
      await as(vendor.token)
        .post(`/certificates/${certNo}/transfer`, { toSubjectId: '00000000-0000-4000-8000-000000000000' })
        .expect(422);
      await as(vendor.token).post(`/certificates/${certNo}/transfer`, { toSubjectId: 'x' }).expect(400);
      const old = await as(vendor.token)
        .post(`/certificates/${certNo}/transfer`, { toSubjectId: other.subjectId })
        .expect(200);
      expect(old.body).toMatchObject({ status: 'transferred', successorCertNo: expect.stringMatching(/^WHDR-/) });
      const successor = await api.http().get(`/api/v1/certificates/${old.body.successorCertNo}`).expect(200);
      expect(successor.body).toMatchObject({
        status: 'valid',
        holder: { subjectId: other.subjectId },
        validUntil: old.body.validUntil,
      });
      expect((await api.http().get(`/api/v1/certificates/${successor.body.certNo}/verify`)).body.valid).toBe(true);
      await as(vendor.token).post(`/certificates/${certNo}/transfer`, { toSubjectId: other.subjectId }).expect(409);
    });
  });

  describe('hostile input', () => {
    it('should answer 400 to forged cursors, never a database error', async () => {
      const forged = (position: object) => Buffer.from(JSON.stringify(position)).toString('base64url');
      for (const cursor of [
        forged({ t: '2026-01-01T00:00:00.000Z', id: 'x' }),
        forged({ t: '2026-02-30T00:00:00.000Z', id: vendor.subjectId }),
        forged({ t: '1', id: vendor.subjectId }),
      ]) {
        await as(vendor.token).get(`/registrations?cursor=${cursor}`).expect(400);
        await as(admin).get(`/public-data-authorizations?cursor=${cursor}`).expect(400);
        await as(admin).get(`/subjects?cursor=${cursor}`).expect(400);
      }
    });

    it('should answer 400 to NUL characters and lone surrogates anywhere in the input', async () => {
      const nul = await as(vendor.token)
        .post('/registrations', { ...registrationRequest(), assetName: 'x\u0000y' })
        .expect(400);
      expect(nul.body.message).toMatch(/body\.assetName/);
      await as(vendor.token)
        .post('/registrations', { ...registrationRequest(), assetName: 'x\ud800' })
        .expect(400);
      const fields = registrationRequest().fieldSchema.map((f) => ({ ...f, description: 'a\u0000' }));
      await as(vendor.token)
        .post('/registrations', { ...registrationRequest(), fieldSchema: fields })
        .expect(400);
      await api.http().get('/api/v1/certificates/a%00b').expect(400);
      await api.http().get('/api/v1/certificates/not-a-cert-no').expect(404);
      await api.http().get('/api/v1/certificates/not-a-cert-no/verify').expect(404);
    });

    it('should read mine strictly', async () => {
      await as(vendor.token).get('/registrations?mine=yes').expect(400);
      await as(vendor.token).get('/registrations?mine=false').expect(200);
    });
  });

  describe('rules found in review', () => {
    it('should list the caller’s own registrations beside the public notices', async () => {
      const id = await submitted();
      const list = await as(vendor.token).get('/registrations?limit=100').expect(200);
      expect(list.body.items.find((r: { id: string }) => r.id === id)).toMatchObject({ status: 'submitted' });
    });

    it('should lapse, not certify, public data whose authorization ended during the notice', async () => {
      const operator = await registerSubject(api, { roles: ['operator'], approveWith: admin });
      const { id: authorization } = await grantPublicDataAuthorization(api, admin, operator.subjectId, ['水务']);
      const created = await as(operator.token)
        .post('/registrations', registrationRequest({ sourceType: 'public', category: '水务' }))
        .expect(201);
      await as(admin).post(`/registrations/${created.body.id}/start-notice`).expect(200);
      await as(admin).post(`/public-data-authorizations/${authorization}/revoke`, { reason: '收回' }).expect(200);
      await endNoticeNow(api, created.body.id);
      const lapsed = await as(operator.token).get(`/registrations/${created.body.id}`).expect(200);
      expect(lapsed.body).toMatchObject({
        status: 'rejected',
        certNo: null,
        rejectReason: expect.stringMatching(/authorization/),
      });
    });

    it('should refuse to transfer a revoked certificate with 409 whatever the receiver', async () => {
      const { certNo } = await issueCertificate(api, admin, vendor, { records: [{ a: '9' }] });
      await as(admin).post(`/certificates/${certNo}/revoke`, { reason: 'r' }).expect(200);
      await as(vendor.token)
        .post(`/certificates/${certNo}/transfer`, { toSubjectId: '00000000-0000-4000-8000-000000000000' })
        .expect(409);
    });

    it('should point the registration at its current certificate after a transfer, and audit each step', async () => {
      const { certNo, registrationId } = await issueCertificate(api, admin, vendor, { records: [{ a: '10' }] });
      const moved = await as(vendor.token)
        .post(`/certificates/${certNo}/transfer`, { toSubjectId: other.subjectId })
        .expect(200);
      const registration = await as(admin).get(`/registrations/${registrationId}`).expect(200);
      expect(registration.body.certNo).toBe(moved.body.successorCertNo);
      const actions = await api.app
        .get(DataSource)
        .query<{ action: string }[]>(
          `SELECT action FROM audit_events WHERE entity_id IN ($1, $2, $3) ORDER BY arrival`,
          [registrationId, certNo, moved.body.successorCertNo],
        );
      expect(actions.map((a) => a.action)).toEqual([
        'registration.submitted',
        'registration.notice_started',
        'certificate.issued',
        'registration.registered',
        'certificate.issued',
        'certificate.transferred',
      ]);
    });

    it('should give a rolled-back issue’s number to the next certificate', async () => {
      const { CertificateService } = await import('@hst/registry');
      const certificates = api.app.get(CertificateService);
      const db = api.app.get(DataSource);
      const id = await submitted();
      const holder = { id: vendor.subjectId, name: 'n', uscc: '914403001922038216' };
      const spec = {
        registrationId: id,
        holder,
        assetName: 'a',
        rights: ['holding' as const],
        contentDigest: 'a'.repeat(64),
        category: 'c',
        sourceType: 'enterprise' as const,
      };
      await expect(
        db.transaction(async (m) => {
          await certificates.issue(m, spec, null);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await db.transaction((m) => certificates.issue(m, spec, null));
      // Whatever else issued meanwhile, the committed numbers of each year are exactly 1..n.
      const rows = await db.query<{ cert_no: string }[]>('SELECT cert_no FROM certificates');
      const byYear = new Map<string, number[]>();
      for (const { cert_no } of rows) {
        const [, year, n] = cert_no.split('-');
        byYear.set(year ?? '', [...(byYear.get(year ?? '') ?? []), Number(n)]);
      }
      for (const numbers of byYear.values()) {
        expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
      }
    });
  });

  describe('public-data authorizations', () => {
    it('should grant, list, show and revoke with the right access', async () => {
      const operator = await registerSubject(api, { roles: ['operator'], approveWith: admin });
      const otherOperator = await registerSubject(api, { roles: ['operator'], approveWith: admin });
      const { id } = await grantPublicDataAuthorization(api, admin, operator.subjectId, ['气象', '交通']);
      const shown = await as(operator.token).get(`/public-data-authorizations/${id}`).expect(200);
      expect(shown.body).toMatchObject({
        id,
        operatorId: operator.subjectId,
        domains: ['气象', '交通'],
        status: 'active',
        authorityShareBps: 1000,
      });
      await as(otherOperator.token).get(`/public-data-authorizations/${id}`).expect(404);
      await as(vendor.token).get(`/public-data-authorizations/${id}`).expect(403);
      await as(regulator.token).get(`/public-data-authorizations/${id}`).expect(200);
      const own = await as(operator.token).get('/public-data-authorizations').expect(200);
      expect(own.body.items.map((a: { id: string }) => a.id)).toEqual([id]);
      const request = {
        operatorId: vendor.subjectId,
        domains: ['气象'],
        scope: 's',
        validFrom: '2026-01-01T00:00:00Z',
        validUntil: '2027-01-01T00:00:00Z',
        authorityShareBps: 100,
      };
      await as(admin).post('/public-data-authorizations', request).expect(422);
      await as(admin)
        .post('/public-data-authorizations', {
          ...request,
          operatorId: operator.subjectId,
          validUntil: '2025-01-01T00:00:00Z',
        })
        .expect(400);
      await as(admin)
        .post('/public-data-authorizations', { ...request, operatorId: operator.subjectId, authorityShareBps: 10001 })
        .expect(400);
      await as(operator.token)
        .post('/public-data-authorizations', { ...request, operatorId: operator.subjectId })
        .expect(403);
      const revoked = await as(admin)
        .post(`/public-data-authorizations/${id}/revoke`, { reason: '收回授权' })
        .expect(200);
      expect(revoked.body).toMatchObject({ status: 'revoked', revokeReason: '收回授权' });
      await as(admin).post(`/public-data-authorizations/${id}/revoke`, { reason: '再次' }).expect(409);
    });
  });
});
