import { DEV_DEFAULTS, Role } from '@hst/common';
import { USCC_CHARSET, usccCheckChar } from '@hst/subjects';
import { randomBytes, randomInt } from 'node:crypto';
import type { TestApi } from './app';

/** A fresh, valid 统一社会信用代码 (Wuhan division code, random organisation code). */
export function validUscc(): string {
  let org = '';
  for (let i = 0; i < 9; i += 1) org += USCC_CHARSET[randomInt(USCC_CHARSET.length)];
  const first17 = `91420100${org}`;
  return first17 + usccCheckChar(first17);
}

export const uniqueEmail = (label = 'user') => `${label}-${randomBytes(5).toString('hex')}@example.cn`;

export function registrationBody(overrides: { roles?: Role[]; email?: string; uscc?: string; name?: string } = {}) {
  return {
    subject: {
      name: overrides.name ?? `武汉测试数据有限公司-${randomBytes(3).toString('hex')}`,
      uscc: overrides.uscc ?? validUscc(),
      kind: 'enterprise',
      roles: overrides.roles ?? ['vendor'],
      district: '东湖新技术开发区',
    },
    user: { email: overrides.email ?? uniqueEmail(), password: 'correct-horse-battery', displayName: '测试用户' },
  };
}

export async function login(api: TestApi, email: string, password: string): Promise<string> {
  const res = await api.http().post('/api/v1/auth/login').send({ email, password }).expect(200);
  return (res.body as { accessToken: string }).accessToken;
}

export const adminToken = (api: TestApi) =>
  login(
    api,
    process.env.BOOTSTRAP_ADMIN_EMAIL ?? DEV_DEFAULTS.BOOTSTRAP_ADMIN_EMAIL,
    process.env.BOOTSTRAP_ADMIN_PASSWORD ?? DEV_DEFAULTS.BOOTSTRAP_ADMIN_PASSWORD,
  );

export type TestSubject = { subjectId: string; userId: string; email: string; password: string; token: string };

/** Registers a subject and logs its user in; it stays pending unless `approveWith` (an admin token) is given. */
export async function registerSubject(
  api: TestApi,
  options: { roles?: Role[]; approveWith?: string } = {},
): Promise<TestSubject> {
  const body = registrationBody({ roles: options.roles });
  const res = await api.http().post('/api/v1/auth/register').send(body).expect(201);
  const { subjectId, userId } = res.body as { subjectId: string; userId: string };
  if (options.approveWith) {
    await api
      .http()
      .post(`/api/v1/subjects/${subjectId}/approve`)
      .auth(options.approveWith, { type: 'bearer' })
      .expect(200);
  }
  const token = await login(api, body.user.email, body.user.password);
  return { subjectId, userId, email: body.user.email, password: body.user.password, token };
}

/** A platform-created subject (regulator by default), active at once. */
export async function createPlatformSubject(
  api: TestApi,
  admin: string,
  roles: Role[] = ['regulator'],
): Promise<TestSubject> {
  const body = registrationBody({ roles });
  const res = await api.http().post('/api/v1/subjects').auth(admin, { type: 'bearer' }).send(body).expect(201);
  const { id } = res.body as { id: string };
  const token = await login(api, body.user.email, body.user.password);
  const me = await api.http().get('/api/v1/auth/me').auth(token, { type: 'bearer' }).expect(200);
  return {
    subjectId: id,
    userId: (me.body as { user: { id: string } }).user.id,
    email: body.user.email,
    password: body.user.password,
    token,
  };
}
