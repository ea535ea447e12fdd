import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX } from '../apps/api/src/http/configure-app';

export type SeedCall = { token?: string; body?: object; idempotencyKey?: string; expect: number };

/**
 * The API's routes, called in-process with Fastify's inject (no network): the demo data passes every guard,
 * validation and service a client's requests pass, so its audit events, outbox events and ledger postings are
 * the genuine ones.
 */
export class SeedClient {
  constructor(private readonly app: NestFastifyApplication) {}

  async call<T>(method: 'GET' | 'POST' | 'PUT', path: string, options: SeedCall): Promise<T> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const res = await this.app.inject({ method, url: `/${API_PREFIX}${path}`, headers, payload: options.body });
    if (res.statusCode !== options.expect) {
      throw new Error(`demo seed: ${method} ${path} answered ${res.statusCode}, not ${options.expect}: ${res.body}`);
    }
    return res.json<T>();
  }

  async login(email: string, password: string): Promise<string> {
    const { accessToken } = await this.call<{ accessToken: string }>('POST', '/auth/login', {
      body: { email, password },
      expect: 200,
    });
    return accessToken;
  }
}
