import { AuditSequencer } from '@hst/audit';
import { DataSource } from 'typeorm';
import { adminToken, createPlatformSubject, registerSubject, registrationBody, TestSubject } from './support/factories';
import { startApi, TestApi } from './support/app';

describe('Audit trail (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let regulator: TestSubject;
  let db: DataSource;
  let sequencer: AuditSequencer;

  beforeAll(async () => {
    api = await startApi();
    admin = await adminToken(api);
    regulator = await createPlatformSubject(api, admin);
    db = api.app.get(DataSource);
    sequencer = api.app.get(AuditSequencer);
  });
  afterAll(() => api.app.close());

  const get = (path: string, token: string) => api.http().get(`/api/v1${path}`).auth(token, { type: 'bearer' });

  it('should show an event only once sequenced, with the contract shape and a valid link', async () => {
    const s = await registerSubject(api);
    await api.http().post(`/api/v1/subjects/${s.subjectId}/approve`).auth(admin, { type: 'bearer' }).expect(200);
    await sequencer.sequencePending();
    const res = await get(`/audit/events?entityType=subject&entityId=${s.subjectId}`, regulator.token).expect(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['subject.registered', 'subject.approved']);
    const approved = res.body.items[1];
    expect(approved).toEqual({
      seq: expect.any(Number),
      id: expect.any(String),
      occurredAt: expect.any(String),
      actor: { userId: expect.any(String), subjectId: expect.any(String), role: 'admin' },
      action: 'subject.approved',
      entityType: 'subject',
      entityId: s.subjectId,
      data: { from: 'pending', to: 'active' },
      prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const previous = await get(
      `/audit/events?limit=1&cursor=${Buffer.from(JSON.stringify({ seq: approved.seq - 2 })).toString('base64url')}`,
      admin,
    ).expect(200);
    expect(previous.body.items[0].hash).toBe(approved.prevHash);
  });

  it('should write no event for a refused transition', async () => {
    const s = await registerSubject(api, { approveWith: admin });
    await api.http().post(`/api/v1/subjects/${s.subjectId}/approve`).auth(admin, { type: 'bearer' }).expect(409);
    const [{ count }] = await db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM audit_events WHERE entity_id = $1 AND action = 'subject.approved'`,
      [s.subjectId],
    );
    expect(count).toBe(1);
  });

  it('should filter by action, subject and time, and page with a cursor', async () => {
    await sequencer.sequencePending();
    const since = new Date(Date.now() - 60_000).toISOString();
    const page = await get(`/audit/events?action=subject.approved&from=${since}&limit=1`, regulator.token).expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0].action).toBe('subject.approved');
    const next = await get(
      `/audit/events?action=subject.approved&from=${since}&limit=1&cursor=${page.body.nextCursor}`,
      regulator.token,
    ).expect(200);
    expect(next.body.items[0].seq).toBeGreaterThan(page.body.items[0].seq);
    const bySubject = await get(`/audit/events?subjectId=${regulator.subjectId}`, admin).expect(200);
    expect(
      bySubject.body.items.every((e: { actor: { subjectId?: string } }) => e.actor.subjectId === regulator.subjectId),
    ).toBe(true);
    const future = await get(`/audit/events?from=2999-01-01T00:00:00Z`, admin).expect(200);
    expect(future.body).toEqual({ items: [], nextCursor: null });
    await get('/audit/events?from=yesterday', admin).expect(400);
    await get('/audit/events?subjectId=42', admin).expect(400);
  });

  it('should keep the events to regulators and admins, and verification to regulators', async () => {
    const vendor = await registerSubject(api, { approveWith: admin });
    await get('/audit/events', vendor.token).expect(403);
    await get('/audit/verify', vendor.token).expect(403);
    await get('/audit/verify', admin).expect(403);
    await get('/audit/verify?fromSeq=0', regulator.token).expect(400);
  });

  it('should refuse to update or delete an event through SQL (append-only trigger)', async () => {
    await sequencer.sequencePending();
    await expect(db.query(`UPDATE audit_events SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE audit_events SET seq = seq + 1000000 WHERE seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('should sequence 50 concurrent state changes into a gapless chain that verifies and holds each of them', async () => {
    const pending = await Promise.all(
      Array.from({ length: 50 }, () => api.http().post('/api/v1/auth/register').send(registrationBody()).expect(201)),
    );
    const ids: string[] = pending.map((r) => r.body.subjectId);
    let writing = true;
    const sequencing = (async () => {
      while (writing) await sequencer.sequencePending(); // races the writers: late commits land in later batches
    })();
    const approvals = await Promise.all(
      ids.map((id) => api.http().post(`/api/v1/subjects/${id}/approve`).auth(admin, { type: 'bearer' })),
    );
    writing = false;
    await sequencing;
    await sequencer.sequencePending();
    expect(approvals.map((r) => r.status)).toEqual(ids.map(() => 200));

    const chain = await db.query<{ seq: string; entity_id: string; action: string }[]>(
      'SELECT seq, entity_id, action FROM audit_events WHERE seq IS NOT NULL ORDER BY seq',
    );
    chain.forEach((row, i) => expect(Number(row.seq)).toBe(i + 1));
    const approvedInChain = new Set(chain.filter((r) => r.action === 'subject.approved').map((r) => r.entity_id));
    for (const id of ids) expect(approvedInChain.has(id)).toBe(true);

    const verify = await get('/audit/verify', regulator.token).expect(200);
    // Other test files may append meanwhile; the whole chain, as far as it goes, must verify.
    expect(verify.body).toEqual({
      ok: true,
      checked: verify.body.headSeq,
      headSeq: expect.any(Number),
      headHash: expect.any(String),
    });
    expect(verify.body.headSeq).toBeGreaterThanOrEqual(chain.length);
  });

  it('should name the seq of a row edited behind the trigger’s back', async () => {
    await sequencer.sequencePending();
    const [victim] = await db.query<{ seq: string; data: object }[]>(
      `SELECT seq, data FROM audit_events WHERE action = 'subject.approved' ORDER BY seq LIMIT 1`,
    );
    const tamper = (data: object) =>
      db.transaction(async (m) => {
        // Only a superuser can switch triggers off; the chain still catches what they do.
        await m.query(`SET LOCAL session_replication_role = replica`);
        await m.query('UPDATE audit_events SET data = $1 WHERE seq = $2', [data, victim.seq]);
      });
    await tamper({ from: 'pending', to: 'rejected' });
    try {
      const broken = await get('/audit/verify', regulator.token).expect(200);
      expect(broken.body).toMatchObject({ ok: false, firstBrokenSeq: Number(victim.seq) });
      const before = await get(`/audit/verify?toSeq=${Number(victim.seq) - 1}`, regulator.token).expect(200);
      expect(before.body.ok).toBe(true);
    } finally {
      await tamper(victim.data);
    }
    expect((await get('/audit/verify', regulator.token).expect(200)).body.ok).toBe(true);
  });
});
