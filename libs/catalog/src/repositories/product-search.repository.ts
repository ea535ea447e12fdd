import { decodeCursor, DomainError, ErrorKind, isCursorId, isCursorTime, toPage } from '@hst/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ProductListItem, ProductPage } from '../dto/product.response';
import type { ProductSort, ProductsQuery } from '../dto/products.query';
import { queryGrams, searchTerms } from '../search-grams';

/** Public: listed products of active vendors. Vendor: the vendor's own products in any state. */
export type SearchScope = { kind: 'public' } | { kind: 'vendor'; vendorId: string };

type SearchCursor =
  | { k: 'relevance'; h: number; s: number; t: string; id: string }
  | { k: 'newest'; t: string; id: string }
  | { k: 'price_asc' | 'price_desc'; p: number; id: string };

const isSearchCursor = (v: Record<string, unknown>): v is SearchCursor => {
  if (!isCursorId(v.id)) return false;
  switch (v.k) {
    case 'relevance':
      return Number.isInteger(v.h) && Number.isInteger(v.s) && isCursorTime(v.t);
    case 'newest':
      return isCursorTime(v.t);
    case 'price_asc':
    case 'price_desc':
      return Number.isSafeInteger(v.p);
    default:
      return false;
  }
};

type Row = {
  total: number;
  id: string;
  title: string;
  summary: string;
  category: string;
  tags: string[];
  vendor_id: string;
  vendor_name: string;
  pricing_model: string;
  price_fen: string;
  delivery_mode: string;
  source_type: string;
  status: string;
  listed_at: Date | null;
  /** The sort time with full (microsecond) precision, for the cursor. */
  sort_time: string;
  title_hits: number;
  hits: number;
};

const ORDER: Record<ProductSort, string> = {
  relevance: 'm.title_hits DESC, m.hits DESC, m.sort_time_ts DESC, m.id DESC',
  newest: 'm.sort_time_ts DESC, m.id DESC',
  price_asc: 'm.price_fen ASC, m.id ASC',
  price_desc: 'm.price_fen DESC, m.id DESC',
};

/**
 * One statement for a page and its total: the matching rows are gathered once (`m`), counted, and the
 * page is cut from them by keyset. Exported for the benchmark, which runs the identical SQL in pgbench.
 */
export function buildProductSearch(
  scope: SearchScope,
  query: ProductsQuery,
  mode: 'page' | 'count' = 'page',
): { sql: string; params: unknown[]; sort: ProductSort } {
  const params: unknown[] = [];
  const $ = (value: unknown, cast = '') => `$${params.push(value)}${cast}`;
  const terms = query.q === undefined ? [] : searchTerms(query.q);
  const sort: ProductSort = query.sort ?? (terms.length > 0 ? 'relevance' : 'newest');
  const cursor = decodeCursor(query.cursor, isSearchCursor);
  if (cursor && cursor.k !== sort) {
    throw new DomainError(ErrorKind.Invalid, 'invalid_cursor', 'cursor belongs to another sort order');
  }

  const where: string[] =
    scope.kind === 'public'
      ? [`p.status = 'listed'`, `v.status = 'active'`]
      : [`p.vendor_id = ${$(scope.vendorId, '::uuid')}`];
  let titleHits = '0';
  let hits = '0';
  if (terms.length > 0) {
    const grams = $(queryGrams(terms), '::text[]');
    const termParams = terms.map((t) => $(t, '::text'));
    // The containment is what the GIN index answers; the substring test rechecks each candidate.
    where.push(`p.search_grams @> ${grams}`);
    for (const t of termParams) where.push(`strpos(p.search_text, ${t}) > 0`);
    titleHits = termParams.map((t) => `(strpos(lower(normalize(p.title, NFKC)), ${t}) > 0)::int`).join(' + ');
    hits = termParams
      .map((t) => `(char_length(p.search_text) - char_length(replace(p.search_text, ${t}, ''))) / char_length(${t})`)
      .join(' + ');
  }
  if (query.category !== undefined) where.push(`p.category = ${$(query.category)}`);
  if (query.deliveryMode !== undefined) where.push(`p.delivery_mode = ${$(query.deliveryMode)}`);
  if (query.pricingModel !== undefined) where.push(`p.pricing_model = ${$(query.pricingModel)}`);
  if (query.sourceType !== undefined) where.push(`p.source_type = ${$(query.sourceType)}`);
  if (query.vendorId !== undefined) where.push(`p.vendor_id = ${$(query.vendorId, '::uuid')}`);
  if (query.minPriceFen !== undefined) where.push(`p.price_fen >= ${$(query.minPriceFen, '::bigint')}`);
  if (query.maxPriceFen !== undefined) where.push(`p.price_fen <= ${$(query.maxPriceFen, '::bigint')}`);

  const sortTime = scope.kind === 'public' ? 'p.listed_at' : 'p.created_at';
  // Only the keys are gathered for every match; the listed columns are read for the page's rows alone.
  const matched = `SELECT p.id, p.price_fen, ${sortTime} AS sort_time_ts, ${titleHits} AS title_hits, ${hits} AS hits
      FROM products p JOIN subjects v ON v.id = p.vendor_id
     WHERE ${where.join('\n       AND ')}`;

  if (mode === 'count') {
    return { sql: `SELECT count(*)::int AS total FROM (${matched}) m`, params, sort };
  }

  let after = 'true';
  if (cursor) {
    switch (cursor.k) {
      case 'relevance':
        after = `(title_hits, hits, sort_time_ts, id) < (${$(cursor.h, '::int')}, ${$(cursor.s, '::int')}, ${$(cursor.t, '::timestamptz')}, ${$(cursor.id, '::uuid')})`;
        break;
      case 'newest':
        after = `(sort_time_ts, id) < (${$(cursor.t, '::timestamptz')}, ${$(cursor.id, '::uuid')})`;
        break;
      case 'price_asc':
        after = `(price_fen, id) > (${$(cursor.p, '::bigint')}, ${$(cursor.id, '::uuid')})`;
        break;
      case 'price_desc':
        after = `(price_fen, id) < (${$(cursor.p, '::bigint')}, ${$(cursor.id, '::uuid')})`;
        break;
    }
  }
  const sql = `WITH m AS MATERIALIZED (
    ${matched}
  )
  SELECT (SELECT count(*) FROM m)::int AS total, m.title_hits, m.hits, to_json(m.sort_time_ts) #>> '{}' AS sort_time,
         p.id, p.title, p.summary, p.category, p.tags, p.vendor_id, v.name AS vendor_name, p.pricing_model,
         p.price_fen, p.delivery_mode, p.source_type, p.status, p.listed_at
    FROM (SELECT * FROM m WHERE ${after} ORDER BY ${ORDER[sort]} LIMIT ${$(query.limit + 1, '::int')}) m
    JOIN products p ON p.id = m.id
    JOIN subjects v ON v.id = p.vendor_id
   ORDER BY ${ORDER[sort]}`;
  return { sql, params, sort };
}

const toItem = (r: Row): ProductListItem => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  category: r.category,
  tags: r.tags,
  vendor: { id: r.vendor_id, name: r.vendor_name },
  pricing: { model: r.pricing_model, priceFen: Number(r.price_fen) },
  deliveryMode: r.delivery_mode,
  sourceType: r.source_type,
  status: r.status,
  listedAt: r.listed_at?.toISOString() ?? null,
});

const positionOf = (sort: ProductSort, r: Row): SearchCursor => {
  switch (sort) {
    case 'relevance':
      return { k: sort, h: r.title_hits, s: r.hits, t: r.sort_time, id: r.id };
    case 'newest':
      return { k: sort, t: r.sort_time, id: r.id };
    case 'price_asc':
    case 'price_desc':
      return { k: sort, p: Number(r.price_fen), id: r.id };
  }
};

/** Catalog search: plain rows, no entity hydration, one round trip per page. */
@Injectable()
export class ProductSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByQuery(scope: SearchScope, query: ProductsQuery): Promise<ProductPage> {
    const { sql, params, sort } = buildProductSearch(scope, query);
    const rows = await this.dataSource.query<Row[]>(sql, params);
    let total = rows[0]?.total;
    if (total === undefined) {
      // An empty page: past the last row (a cursor) or nothing matches (no cursor, then 0).
      if (query.cursor === undefined) total = 0;
      else {
        const count = buildProductSearch(scope, query, 'count');
        total = (await this.dataSource.query<{ total: number }[]>(count.sql, count.params))[0].total;
      }
    }
    return { ...toPage(rows, query.limit, toItem, (r) => positionOf(sort, r)), total };
  }
}
