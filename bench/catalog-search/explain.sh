#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the catalog search SQL exactly as the API builds it, on a scratch database with
# PRODUCTS (50000) seeded listed products; dropped at the end. See docs/decisions/002-chinese-search.md.
# Usage: bash bench/catalog-search/explain.sh [q…]   (default: 网联 智能网联 Trajectory; SKIP_BUILD=1 reuses dist/)
set -euo pipefail
shopt -s inherit_errexit

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
PRODUCTS="${PRODUCTS:-50000}"
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$DIR/../.." && pwd)"
DB="hst_bench_catalog_explain_$$"
WORK="$(mktemp -d)"
cleanup() {
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export ROOT
cat >"$WORK/explain.js" <<'JS'
// Prints EXPLAIN (ANALYZE, BUFFERS) of the catalog search SQL exactly as the API builds it .
// Usage (from explain.sh): node explain.js [q…]
'use strict';
require('node:module').createRequire(`${process.env.ROOT}/package.json`)('reflect-metadata');
const path = require('node:path');
const { Client } = require('node:module').createRequire(`${process.env.ROOT}/package.json`)('pg');
const { buildProductSearch, ProductsQuery } = require(path.join(process.env.ROOT, 'dist/libs/catalog/src'));

(async () => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const queries = process.argv.slice(2);
  for (const q of queries.length > 0 ? queries : ['网联', '智能网联', 'Trajectory']) {
    const query = Object.assign(new ProductsQuery(), { q, limit: 20 });
    const { sql, params } = buildProductSearch({ kind: 'public' }, query);
    await client.query(sql, params); // warm the cache: the plans show a steady state
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    console.log(`-- q=${q}  params=${JSON.stringify(params)}`);
    console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
    console.log();
  }
  await client.end();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
JS

cd "$ROOT"
if [[ "${SKIP_BUILD:-}" != "1" ]]; then npm run build >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }; fi
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c \
  "CREATE DATABASE $DB ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB"
node -e "require('$ROOT/dist/libs/database/src').runMigrations(process.env.DATABASE_URL).then(() => process.exit(0))"
psql -X -q -v ON_ERROR_STOP=1 -v n="$PRODUCTS" -d "$DB" -f "$DIR/seed.sql" >/dev/null
echo "# $PRODUCTS listed products; GIN index $(psql -X -At -d "$DB" -c "SELECT pg_size_pretty(pg_relation_size('\"IDX_products_search_grams\"'))")," \
  "table $(psql -X -At -d "$DB" -c "SELECT pg_size_pretty(pg_table_size('products'))")"
node "$WORK/explain.js" "$@"
