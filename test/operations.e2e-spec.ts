import { startApi, TestApi } from './support/app';

describe('Operations (e2e)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.app.close());

  it('should report database and Redis health', async () => {
    const res = await api.http().get('/api/v1/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('should answer 503 when Redis is unreachable', async () => {
    const broken = await startApi({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await broken.http().get('/api/v1/health').expect(503);
      expect(res.body).toMatchObject({ status: 'error', error: { redis: { status: 'down' } } });
    } finally {
      await broken.app.close();
    }
  });

  it('should export Prometheus metrics including the HTTP latency histogram', async () => {
    await api.http().get('/api/v1/health');
    const res = await api.http().get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('hst_http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/route="\/api\/v1\/health"/);
    expect(res.text).toMatch(/hst_queue_jobs\{queue="domain-events",state="waiting"\}/);
    expect(res.text).toContain('hst_audit_sequencing_lag_seconds');
  });

  it('should document every route in OpenAPI', async () => {
    const res = await api.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths as object);
    for (const path of [
      '/api/v1/auth/register',
      '/api/v1/auth/login',
      '/api/v1/auth/me',
      '/api/v1/subjects',
      '/api/v1/subjects/{id}',
      '/api/v1/subjects/{id}/approve',
      '/api/v1/subjects/{id}/reject',
      '/api/v1/subjects/{id}/suspend',
      '/api/v1/subjects/{id}/reinstate',
      '/api/v1/audit/events',
      '/api/v1/audit/verify',
      '/api/v1/health',
      '/metrics',
      '/api/v1/registrations',
      '/api/v1/registrations/{id}/objections',
      '/api/v1/certificates/{certNo}/verify',
      '/api/v1/certificates/keys',
      '/api/v1/public-data-authorizations/{id}/revoke',
      '/api/v1/products',
      '/api/v1/products/{id}/dataset',
      '/api/v1/ledger/trial-balance',
      '/api/v1/ledger/transfers',
      '/api/v1/alerts',
      '/api/v1/alerts/{id}/ack',
    ]) {
      expect(paths).toContain(path);
    }
    await api.http().get('/api/docs').expect(200);
  });

  it('should answer an unknown route with 404 in the contract shape, and echo a request id', async () => {
    const res = await api.http().get('/api/v1/nowhere').set('X-Request-Id', 'req-123').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(res.headers['x-request-id']).toBe('req-123');
  });
});
