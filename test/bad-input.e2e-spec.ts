import { adminToken, registerSubject } from './support/factories';
import { startApi, TestApi } from './support/app';

type Operation = { requestBody?: unknown; parameters?: { name: string; in: string }[] };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** Path ids that are not ids, or not anyone's. */
const PATH_VALUES = ['00000000-0000-4000-8000-000000000000', "1' OR '1'='1", 'x'.repeat(300) + '%E4%B8'];

/** Bodies of every wrong shape: not objects, wrong types, out-of-range numbers, hostile strings. */
const BODIES: unknown[] = [
  [],
  'a string',
  42,
  null,
  { unknown: true },
  { amountFen: 1e308, priceFen: -1, limit: 'many', termDays: 1.5, calls: '10' },
  { subjectId: 'not-a-uuid', productId: {}, email: ['a@b.c'], password: null, reason: 'x'.repeat(100_000) },
  { title: '\u0000', name: '\ud800', records: 'not records', pricing: [], policy: 'none', rightsClaimed: 'all' },
];

/** Cursors that decode to the right shape with values PostgreSQL would refuse. */
const FORGED_CURSORS = [
  { t: '2026-01-01T00:00:00+99:00', id: '00000000-0000-4000-8000-000000000000' },
  { k: 'newest', t: '0000-01-01T00:00:00Z', id: '00000000-0000-4000-8000-000000000000' },
  { k: 'price_asc', p: 1e300, id: '00000000-0000-4000-8000-000000000000' },
  { seq: -1 },
].map((c) => `cursor=${Buffer.from(JSON.stringify(c)).toString('base64url')}`);

/** Query strings every list or search might choke on. */
const QUERIES = [
  'limit=abc',
  'limit=-1',
  'limit=1e9',
  'cursor=%00',
  'cursor=' + 'A'.repeat(600),
  ...FORGED_CURSORS,
  'from=yesterday',
  'q=',
];

/**
 * Whatever arrives, no route answers 5xx: every operation of the OpenAPI document, as an admin, a vendor and
 * anonymously, with path ids that are not ids, bodies of every wrong shape and hostile query strings.
 */
describe('Bad input never gets a 5xx (e2e)', () => {
  let api: TestApi;
  let callers: [string, string | undefined][];
  let doc: OpenApi;

  beforeAll(async () => {
    api = await startApi();
    const vendor = await registerSubject(api, { roles: ['vendor'], approveWith: await adminToken(api) });
    callers = [
      ['admin', await adminToken(api)],
      ['vendor', vendor.token],
      ['anonymous', undefined],
    ];
    doc = (await api.http().get('/api/docs-json').expect(200)).body as OpenApi;
  });
  afterAll(() => api.app.close());

  it('should answer every operation with a 4xx or a success, never a 5xx', async () => {
    type Probe = {
      who: string;
      token?: string;
      method: 'get' | 'post' | 'put' | 'delete';
      url: string;
      body?: unknown;
    };
    const probes: Probe[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      if (template === '/metrics') continue;
      for (const [method, operation] of Object.entries(operations)) {
        const paths = template.includes('{') ? PATH_VALUES.map((v) => template.replace(/\{\w+\}/g, v)) : [template];
        const bodies = operation.requestBody || method !== 'get' ? BODIES : [undefined];
        const queries = method === 'get' && !template.includes('{') ? ['', ...QUERIES] : [''];
        for (const [who, token] of callers) {
          for (const path of paths) {
            for (const body of bodies) {
              for (const query of queries) {
                probes.push({
                  who,
                  token,
                  method: method as Probe['method'],
                  url: query ? `${path}?${query}` : path,
                  body,
                });
              }
            }
          }
        }
      }
    }
    const failures: string[] = [];
    const send = async ({ who, token, method, url, body }: Probe, i: number) => {
      let req = api.http()[method](url);
      if (token) req = req.auth(token, { type: 'bearer' });
      if (method !== 'get') req = req.set('Idempotency-Key', `bad-input-${i}`);
      const res = body === undefined ? await req : await req.type('json').send(JSON.stringify(body));
      if (res.status >= 500)
        failures.push(`${who} ${method.toUpperCase()} ${url} ${JSON.stringify(body)} → ${res.status}`);
    };
    // Eight at a time: the order of the probes does not matter, the wall time does.
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < probes.length) {
          const i = next++;
          await send(probes[i], i);
        }
      }),
    );
    expect(failures).toEqual([]);
    expect(probes.length).toBeGreaterThan(1000);
  }, 120_000);
});
