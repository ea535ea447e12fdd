import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError, ErrorKind } from '../errors/domain.error';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `?limit=&cursor=` of every list route. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Cursors are opaque to clients: base64url of a small JSON keyset position. */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<T extends Record<string, string | number>>(
  cursor: string | undefined,
  isValid: (value: Record<string, unknown>) => value is T,
): T | undefined {
  if (cursor === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || !isValid(value as Record<string, unknown>)) {
    throw new DomainError(ErrorKind.Invalid, 'invalid_cursor', 'cursor is not a cursor this list produced');
  }
  return value as T;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor field that holds a UUID (checked, so that a forged cursor is a 400, not a database error). */
export const isCursorId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * A cursor field that holds an instant as toISOString or PostgreSQL's JSON (microseconds) wrote it, on a
 * real calendar day of years 1–9999 with an offset PostgreSQL accepts (at most ±15:59): '2026-02-30…', '1'
 * and '…+99:00' are refused, so a forged cursor is a 400, not a database error.
 */
export const isCursorTime = (value: unknown): value is string => {
  const m = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const [offsetHours, offsetMinutes] = [m[8], m[9]].map((v) => (v === undefined ? 0 : Number(v)));
  const date = new Date(0);
  date.setUTCFullYear(year ?? 0, (month ?? 0) - 1, day); // not Date.UTC, which reads years 0–99 as 1900–1999
  return (
    (year ?? 0) >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === (month ?? 0) - 1 &&
    date.getUTCDate() === day &&
    (hour ?? 24) < 24 &&
    (minute ?? 60) < 60 &&
    (second ?? 60) < 60 &&
    (offsetHours ?? 16) < 16 &&
    (offsetMinutes ?? 60) < 60
  );
};

/** The keyset position most lists use: (created_at, id) descending. */
export type TimeIdCursor = { t: string; id: string };
export const isTimeIdCursor = (v: Record<string, unknown>): v is TimeIdCursor => isCursorTime(v.t) && isCursorId(v.id);

/** Builds a page from `limit + 1` fetched rows: the extra row only says that another page exists. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  positionOf: (row: R) => Record<string, string | number>,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : null,
  };
}
