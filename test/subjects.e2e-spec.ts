import { PLATFORM_USCC, PlatformBootstrap } from '@hst/subjects';
import { DataSource } from 'typeorm';
import { adminToken, createPlatformSubject, registerSubject, registrationBody, TestSubject } from './support/factories';
import { startApi, TestApi } from './support/app';

describe('Subjects (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let regulator: TestSubject;

  beforeAll(async () => {
    api = await startApi();
    admin = await adminToken(api);
    regulator = await createPlatformSubject(api, admin, ['regulator']);
  });
  afterAll(() => api.app.close());

  const post = (path: string, token: string, body?: object) =>
    api.http().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body);
  const get = (path: string, token: string) => api.http().get(`/api/v1${path}`).auth(token, { type: 'bearer' });

  it('should let an admin create an active subject, answered exactly as its GET', async () => {
    const body = registrationBody({ roles: ['regulator'] });
    const created = await post('/subjects', admin, body).expect(201);
    expect(created.body).toMatchObject({
      status: 'active',
      roles: ['regulator'],
      uscc: body.subject.uscc,
      kind: 'enterprise',
    });
    const fetched = await get(`/subjects/${created.body.id}`, admin).expect(200);
    expect(fetched.body).toEqual(created.body);
  });

  it('should refuse subject creation to non-admins (403) and refuse unknown roles (400)', async () => {
    await post('/subjects', regulator.token, registrationBody()).expect(403);
    const body = registrationBody();
    (body.subject as { roles: string[] }).roles = ['superuser'];
    await post('/subjects', admin, body).expect(400);
  });

  it('should walk pending → active → suspended → active and refuse illegal transitions with 409', async () => {
    const s = await registerSubject(api);
    await post(`/subjects/${s.subjectId}/reinstate`, admin).expect(409);
    const approved = await post(`/subjects/${s.subjectId}/approve`, admin).expect(200);
    expect(approved.body.status).toBe('active');
    const again = await post(`/subjects/${s.subjectId}/approve`, admin).expect(409);
    expect(again.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      message: 'Cannot approve a subject that is active',
    });
    const suspended = await post(`/subjects/${s.subjectId}/suspend`, regulator.token, {
      reason: '数据来源存疑',
    }).expect(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', statusReason: '数据来源存疑' });
    await post(`/subjects/${s.subjectId}/reinstate`, regulator.token).expect(403);
    const reinstated = await post(`/subjects/${s.subjectId}/reinstate`, admin).expect(200);
    expect(reinstated.body).toMatchObject({ status: 'active', statusReason: null });
  });

  it('should reject a pending subject with a reason, which is then final', async () => {
    const s = await registerSubject(api);
    await post(`/subjects/${s.subjectId}/reject`, admin, {}).expect(400);
    const rejected = await post(`/subjects/${s.subjectId}/reject`, admin, { reason: '材料不全' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', statusReason: '材料不全' });
    await post(`/subjects/${s.subjectId}/approve`, admin).expect(409);
  });

  it('should bootstrap the platform subject and admin once, however often and concurrently it runs', async () => {
    const bootstrap = api.app.get(PlatformBootstrap);
    await Promise.all([
      bootstrap.ensurePlatformAdmin(),
      bootstrap.ensurePlatformAdmin(),
      bootstrap.ensurePlatformAdmin(),
    ]);
    const db = api.app.get(DataSource);
    const [row] = await db.query<{ platforms: number; admins: number }[]>(
      `SELECT (SELECT count(*)::int FROM subjects WHERE is_platform) AS platforms,
              (SELECT count(*)::int FROM users u JOIN subjects s ON s.id = u.subject_id WHERE s.is_platform) AS admins`,
    );
    expect(row).toEqual({ platforms: 1, admins: 1 });
    const me = await get('/auth/me', admin).expect(200);
    expect(me.body.subject).toMatchObject({ uscc: PLATFORM_USCC, roles: ['admin'], status: 'active' });
  });

  it('should refuse to suspend the platform subject (422)', async () => {
    const me = await get('/auth/me', admin).expect(200);
    await post(`/subjects/${me.body.subject.id}/suspend`, admin, { reason: 'x' }).expect(422);
  });

  it('should let a subject read itself but answer 404 for another subject', async () => {
    const mine = await registerSubject(api, { approveWith: admin });
    const other = await registerSubject(api, { roles: ['buyer'], approveWith: admin });
    const res = await get(`/subjects/${mine.subjectId}`, mine.token).expect(200);
    expect(res.body.id).toBe(mine.subjectId);
    const hidden = await get(`/subjects/${other.subjectId}`, mine.token).expect(404);
    expect(hidden.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await get('/subjects/00000000-0000-4000-8000-000000000000', admin).expect(404);
    await get('/subjects/not-a-uuid', admin).expect(400);
  });

  it('should refuse vendors and buyers the actions of admins (403)', async () => {
    const vendor = await registerSubject(api, { approveWith: admin });
    const target = await registerSubject(api);
    await post(`/subjects/${target.subjectId}/approve`, vendor.token).expect(403);
    await get('/subjects', vendor.token).expect(403);
  });

  it('should list subjects for regulators with filters and cursor pagination', async () => {
    const name = `汉数通列表测试-${Date.now()}`;
    const created: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const body = registrationBody({ roles: ['buyer'], name: `${name}-${i}` });
      created.push((await api.http().post('/api/v1/auth/register').send(body).expect(201)).body.subjectId);
    }
    const first = await get(`/subjects?q=${encodeURIComponent(name)}&limit=2`, regulator.token).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await get(
      `/subjects?q=${encodeURIComponent(name)}&limit=2&cursor=${first.body.nextCursor}`,
      regulator.token,
    ).expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((s: { id: string }) => s.id);
    expect(ids.sort()).toEqual([...created].sort());

    const byStatus = await get(`/subjects?q=${encodeURIComponent(name)}&status=active`, regulator.token).expect(200);
    expect(byStatus.body.items).toHaveLength(0);
    const byRole = await get(`/subjects?role=regulator&limit=100`, admin).expect(200);
    expect(byRole.body.items.every((s: { roles: string[] }) => s.roles.includes('regulator'))).toBe(true);

    await get('/subjects?limit=101', admin).expect(400);
    await get('/subjects?status=sleeping', admin).expect(400);
    await get('/subjects?cursor=garbage', admin).expect(400);
    await get('/subjects?unknown=1', admin).expect(400);
  });

  it('should page through subjects created within one millisecond without skipping or repeating one', async () => {
    const name = `汉数通同毫秒-${Date.now()}`;
    const created: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const body = registrationBody({ roles: ['buyer'], name: `${name}-${i}` });
      created.push((await api.http().post('/api/v1/auth/register').send(body).expect(201)).body.subjectId);
    }
    // What concurrent registrations produce: creation times apart by microseconds, in one millisecond.
    for (const [i, id] of created.entries()) {
      await api.app
        .get(DataSource)
        .query(
          `UPDATE subjects SET created_at = '2026-11-29T10:00:00.123Z'::timestamptz + make_interval(secs => $2 * 0.0001) WHERE id = $1`,
          [id, i + 1],
        );
    }
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = await get(`/subjects?q=${encodeURIComponent(name)}&limit=1${cursor}`, regulator.token).expect(200);
      seen.push(...page.body.items.map((s: { id: string }) => s.id));
      cursor = page.body.nextCursor ? `&cursor=${page.body.nextCursor}` : '';
    } while (cursor && seen.length <= created.length);
    expect(seen.sort()).toEqual([...created].sort());
  });
});
