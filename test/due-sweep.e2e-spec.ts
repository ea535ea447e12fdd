import { sweepDue } from '@hst/database';
import { DataSource } from 'typeorm';
import { startApi, TestApi } from './support/app';

/** The keyset walk every timer sweep shares (libs/database/src/due-sweep.ts), on a table of this file's own. */
describe('Due sweeps (e2e)', () => {
  let api: TestApi;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    await db.query(`CREATE TABLE IF NOT EXISTS test_due_rows (id uuid PRIMARY KEY, due_at timestamptz, done boolean)`);
    await db.query('TRUNCATE test_due_rows');
    // Seven due rows, five of them due at the same microsecond, and one not due yet.
    await db.query(`
      INSERT INTO test_due_rows (id, due_at, done)
      SELECT gen_random_uuid(), CASE WHEN i <= 5 THEN '2026-01-01 00:00:00.123456+00'::timestamptz
                                     ELSE '2026-01-01 00:00:00.123457+00'::timestamptz END, false
        FROM generate_series(1, 7) AS i
      UNION ALL SELECT gen_random_uuid(), now() + interval '1 hour', false`);
  });
  afterAll(async () => {
    await db.query('DROP TABLE IF EXISTS test_due_rows');
    await api.app.close();
  });

  it('should hand every due row over exactly once, page by page, ties and microseconds included', async () => {
    const pages: string[][] = [];
    const handled = await sweepDue(
      db,
      { table: 'test_due_rows', dueAt: 'due_at', where: 'due_at <= now() AND NOT done' },
      (ids) => {
        pages.push(ids);
        return Promise.resolve(ids.length - 1); // what the handler says it acted on is summed
      },
      3,
    );
    const due = await db.query<{ id: string }[]>(
      'SELECT id FROM test_due_rows WHERE due_at <= now() ORDER BY due_at, id',
    );
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(due.map((r) => r.id));
    expect(handled).toBe(2 + 2 + 0);
  });

  it('should walk past rows the handler leaves due (a handler that fails on them)', async () => {
    const seen: string[] = [];
    await sweepDue(
      db,
      {
        table: 'test_due_rows',
        dueAt: 'due_at',
        where: 'due_at <= now() AND NOT done AND due_at > $1',
        params: ['2000-01-01'],
      },
      async (ids) => {
        seen.push(...ids);
        // The first page's rows stay due (as if they failed); the later ones are done.
        if (seen.length > 2) await db.query('UPDATE test_due_rows SET done = true WHERE id = ANY($1)', [ids]);
        return 0;
      },
      2,
    );
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });
});
