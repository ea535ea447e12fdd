import { QueueName } from '@hst/queue';
import request from 'supertest';
import { startApi, startWorker, TestApi } from './support/app';

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
    expect(res.text).toMatch(/hst_queue_jobs\{queue="settlement",state="failed"\}/);
    expect(res.text).toContain('hst_audit_sequencing_lag_seconds');
    expect(res.text).toMatch(/^hst_settlement_lag_seconds \d/m);
  });

  it('should give the worker a health check and metrics covering every queue it serves', async () => {
    // Timers pushed out of the way: this worker only answers HTTP.
    const worker = await startWorker({ OUTBOX_RELAY_INTERVAL_MS: '3600000', AUDIT_SEQUENCER_INTERVAL_MS: '3600000' });
    try {
      await worker.getHttpAdapter().getInstance().ready();
      const http = () => request(worker.getHttpServer());
      const health = await http().get('/health').expect(200);
      expect(Object.keys(health.body.info.queues.waiting as object).sort()).toEqual(Object.values(QueueName).sort());
      const metrics = await http().get('/metrics').expect(200);
      for (const queue of Object.values(QueueName)) {
        expect(metrics.text).toContain(`hst_queue_jobs{queue="${queue}",state="failed"}`);
      }
      expect(metrics.text).toMatch(/^hst_settlement_lag_seconds \d/m);
    } finally {
      await worker.close();
    }
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

  it('should document each operation’s success response with its schema, and every schema it names', async () => {
    type Operation = { responses: Record<string, { content?: Record<string, { schema?: object }> }> };
    const res = await api.http().get('/api/docs-json').expect(200);
    const doc = res.body as { paths: Record<string, Record<string, Operation>>; components: { schemas: object } };
    const undocumented: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses).find(([status]) => /^2\d\d$/.test(status));
        const schema = success?.[1].content?.['application/json']?.schema;
        // The Prometheus text is not JSON; every other route answers a documented JSON body.
        if (path !== '/metrics' && !schema) undocumented.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undocumented).toEqual([]);
    const named = [...JSON.stringify(doc.paths).matchAll(/#\/components\/schemas\/(\w+)/g)].map((m) => m[1]);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining([...new Set(named)]));
    expect(named).toEqual(
      expect.arrayContaining(['OrderResponse', 'SubjectPage', 'ProductPage', 'TrialBalanceResponse']),
    );
  });

  it('should answer an unknown route with 404 in the contract shape, and echo a request id', async () => {
    const res = await api.http().get('/api/v1/nowhere').set('X-Request-Id', 'req-123').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(res.headers['x-request-id']).toBe('req-123');
  });
});
