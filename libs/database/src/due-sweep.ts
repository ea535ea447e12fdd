import type { DataSource } from 'typeorm';

/** Which rows a sweep finds due: `where` over `table`, walked in `dueAt` order (constants of code, never input). */
export type DueRows = { table: string; dueAt: string; where: string; params?: unknown[] };

/** Due rows a sweep reads per query. */
const PAGE_SIZE = 500;

/**
 * Hands every due row's id to `handle`, oldest first, a page at a time, by keyset on (due time, id): a row
 * whose handling keeps failing is walked past, so it never holds back the ones due after it, however many
 * of them there are. `handle` returns how many it acted on; the sum is returned.
 */
export async function sweepDue(
  dataSource: DataSource,
  due: DueRows,
  handle: (ids: string[]) => Promise<number>,
  pageSize = PAGE_SIZE,
): Promise<number> {
  const params = due.params ?? [];
  const [after, afterId, limit] = [params.length + 1, params.length + 2, params.length + 3].map((n) => `$${n}`);
  const sql = `SELECT id, to_json(${due.dueAt}) #>> '{}' AS due_at FROM ${due.table}
    WHERE (${due.where}) AND ${due.dueAt} IS NOT NULL AND (${after}::timestamptz IS NULL OR (${due.dueAt}, id) > (${after}::timestamptz, ${afterId}::uuid))
    ORDER BY ${due.dueAt}, id LIMIT ${limit}::int`;
  let handled = 0;
  let cursor: { dueAt: string; id: string } | undefined;
  for (;;) {
    const rows = await dataSource.query<{ id: string; due_at: string }[]>(sql, [
      ...params,
      cursor?.dueAt ?? null,
      cursor?.id ?? null,
      pageSize,
    ]);
    if (rows.length > 0) handled += await handle(rows.map((r) => r.id));
    const last = rows[rows.length - 1];
    if (rows.length < pageSize || !last) return handled;
    cursor = { dueAt: last.due_at, id: last.id };
  }
}

/**
 * Acts on each id on its own, for a sweep's handler: one that throws is reported and skipped, so it cannot hold
 * back the others (the next sweep tries it again). Returns how many `act` says it acted on.
 */
export async function eachApart(
  ids: string[],
  act: (id: string) => Promise<boolean>,
  failed: (id: string, error: Error) => void,
): Promise<number> {
  let acted = 0;
  for (const id of ids) {
    try {
      if (await act(id)) acted += 1;
    } catch (error) {
      failed(id, error as Error);
    }
  }
  return acted;
}
