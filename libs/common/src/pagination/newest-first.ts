import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, isTimeIdCursor, Page, PageQuery, toPage } from './cursor';

/**
 * Fractional digits of every timestamp a list is paged by. The cursor carries the time as the API shows it,
 * to the millisecond (toISOString); a column holding microseconds would put rows between a cursor and the row
 * it was made from, and the next page would skip them. The columns round to milliseconds instead.
 */
export const KEYSET_TIME_PRECISION = 3;

/**
 * One page of a list, newest first, by keyset on (`timeColumn`, id) of the builder's main alias. The caller
 * adds its filters; the cursor is checked before any query runs (a forged one is a 400).
 */
export async function newestFirstPage<E extends ObjectLiteral & { id: string }, T>(
  qb: SelectQueryBuilder<E>,
  query: PageQuery,
  time: { column: string; of: (row: E) => Date },
  map: (row: E) => T,
): Promise<Page<T>> {
  const cursor = decodeCursor(query.cursor, isTimeIdCursor);
  const at = `${qb.alias}.${time.column}`;
  qb.orderBy(at, 'DESC')
    .addOrderBy(`${qb.alias}.id`, 'DESC')
    .limit(query.limit + 1);
  if (cursor)
    qb.andWhere(`(${at}, ${qb.alias}.id) < (:cursorTime, :cursorId)`, { cursorTime: cursor.t, cursorId: cursor.id });
  const rows = await qb.getMany();
  return toPage(rows, query.limit, map, (row) => ({ t: time.of(row).toISOString(), id: row.id }));
}
