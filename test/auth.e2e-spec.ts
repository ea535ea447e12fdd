import { adminToken, registerSubject, registrationBody, uniqueEmail } from './support/factories';
import { startApi, TestApi } from './support/app';

describe('Auth (e2e)', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await adminToken(api);
  });
  afterAll(() => api.app.close());

  describe('POST /auth/register', () => {
    it('should register a pending subject with its first user', async () => {
      const res = await api.http().post('/api/v1/auth/register').send(registrationBody()).expect(201);
      expect(res.body).toEqual({ subjectId: expect.any(String), userId: expect.any(String), status: 'pending' });
    });

    it('should refuse a uscc whose check character is wrong', async () => {
      const body = registrationBody({ uscc: '914403001922038217' });
      const res = await api.http().post('/api/v1/auth/register').send(body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(JSON.stringify(res.body.message)).toContain('uscc');
    });

    it('should refuse a short password', async () => {
      const body = registrationBody();
      body.user.password = 'short';
      const res = await api.http().post('/api/v1/auth/register').send(body).expect(400);
      expect(JSON.stringify(res.body.message)).toContain('password');
    });

    it('should refuse an unknown field, a self-granted admin role and a missing section', async () => {
      await api
        .http()
        .post('/api/v1/auth/register')
        .send({ ...registrationBody(), extra: 1 })
        .expect(400);
      await api
        .http()
        .post('/api/v1/auth/register')
        .send(registrationBody({ roles: ['admin'] }))
        .expect(400);
      await api.http().post('/api/v1/auth/register').send({ subject: registrationBody().subject }).expect(400);
      await api.http().post('/api/v1/auth/register').send([]).expect(400);
    });

    it('should answer 409 for a duplicate uscc or email', async () => {
      const first = registrationBody();
      await api.http().post('/api/v1/auth/register').send(first).expect(201);
      const sameUscc = registrationBody({ uscc: first.subject.uscc });
      const res = await api.http().post('/api/v1/auth/register').send(sameUscc).expect(409);
      expect(res.body.message).toMatch(/uscc/);
      const sameEmail = registrationBody({ email: first.user.email.toUpperCase() });
      expect((await api.http().post('/api/v1/auth/register').send(sameEmail).expect(409)).body.message).toMatch(
        /email/,
      );
    });

    it('should answer 400 for malformed JSON, 413 for an oversized body and 415 for another content type', async () => {
      const malformed = await api
        .http()
        .post('/api/v1/auth/register')
        .set('Content-Type', 'application/json')
        .send('{"subject":');
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      const huge = { ...registrationBody(), padding: 'x'.repeat(1_100_000) };
      const tooLarge = await api.http().post('/api/v1/auth/register').send(huge);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
      const xml = await api.http().post('/api/v1/auth/register').set('Content-Type', 'application/xml').send('<a/>');
      expect(xml.status).toBe(415);
    });
  });

  describe('POST /auth/login and GET /auth/me', () => {
    it('should log in, and give the same 401 for an unknown email and a wrong password', async () => {
      const s = await registerSubject(api);
      expect(s.token).toEqual(expect.any(String));
      const wrong = await api
        .http()
        .post('/api/v1/auth/login')
        .send({ email: s.email, password: 'not-the-password' })
        .expect(401);
      const unknown = await api
        .http()
        .post('/api/v1/auth/login')
        .send({ email: uniqueEmail(), password: 'not-the-password' })
        .expect(401);
      expect(wrong.body).toEqual(unknown.body);
      await api.http().post('/api/v1/auth/login').send({ email: 'not-an-email' }).expect(400);
    });

    it('should let a pending subject read /auth/me but nothing else', async () => {
      const s = await registerSubject(api);
      const me = await api.http().get('/api/v1/auth/me').auth(s.token, { type: 'bearer' }).expect(200);
      expect(me.body).toEqual({
        user: { id: s.userId, email: s.email, displayName: '测试用户' },
        subject: {
          id: s.subjectId,
          name: expect.any(String),
          uscc: expect.any(String),
          roles: ['vendor'],
          status: 'pending',
        },
      });
      await api.http().get(`/api/v1/subjects/${s.subjectId}`).auth(s.token, { type: 'bearer' }).expect(403);
    });

    it('should refuse missing, malformed and forged tokens with 401', async () => {
      await api.http().get('/api/v1/auth/me').expect(401);
      await api.http().get('/api/v1/auth/me').auth('not.a.jwt', { type: 'bearer' }).expect(401);
      const forged =
        Buffer.from('{"alg":"none"}').toString('base64url') +
        '.' +
        Buffer.from('{"sub":"x","sid":"y"}').toString('base64url') +
        '.';
      await api.http().get('/api/v1/auth/me').auth(forged, { type: 'bearer' }).expect(401);
    });

    it('should apply a suspension to a token already issued', async () => {
      const s = await registerSubject(api, { approveWith: admin });
      await api.http().get(`/api/v1/subjects/${s.subjectId}`).auth(s.token, { type: 'bearer' }).expect(200);
      await api
        .http()
        .post(`/api/v1/subjects/${s.subjectId}/suspend`)
        .auth(admin, { type: 'bearer' })
        .send({ reason: '违规' })
        .expect(200);
      const res = await api.http().get(`/api/v1/subjects/${s.subjectId}`).auth(s.token, { type: 'bearer' }).expect(403);
      expect(res.body.message).toMatch(/suspended/);
    });

    it('should answer 429 after five failures for one email, even to the right password', async () => {
      const s = await registerSubject(api);
      for (let i = 0; i < 5; i += 1) {
        await api.http().post('/api/v1/auth/login').send({ email: s.email, password: 'wrong-password' }).expect(401);
      }
      const res = await api
        .http()
        .post('/api/v1/auth/login')
        .send({ email: s.email, password: s.password })
        .expect(429);
      expect(res.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    });

    it('should not count successful logins against the per-email limit', async () => {
      const s = await registerSubject(api);
      for (let i = 0; i < 7; i += 1) {
        await api.http().post('/api/v1/auth/login').send({ email: s.email, password: s.password }).expect(200);
      }
    });
  });

  describe('per-IP login limit', () => {
    let limited: TestApi;
    beforeAll(async () => {
      limited = await startApi({ LOGIN_MAX_ATTEMPTS_PER_IP: '3', REDIS_PREFIX: `${process.env.REDIS_PREFIX}-ip` });
    });
    afterAll(() => limited.app.close());

    it('should count every attempt from one IP and answer 429 beyond the limit', async () => {
      const email = uniqueEmail();
      for (let i = 0; i < 3; i += 1) {
        await limited.http().post('/api/v1/auth/login').send({ email, password: 'whatever-password' }).expect(401);
      }
      await limited
        .http()
        .post('/api/v1/auth/login')
        .send({ email: uniqueEmail(), password: 'x-password' })
        .expect(429);
    });
  });
});
