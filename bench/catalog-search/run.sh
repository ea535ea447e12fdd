#!/usr/bin/env bash
# Catalog search benchmark: the real API (dist) vs pgbench running the identical SQL vs a bare Fastify server.
# See docs/PERFORMANCE.md. Usage: bash bench/catalog-search/run.sh
#   env: PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres) PRODUCTS (2000) DURATION (10 s) CONNECTIONS (50)
#        SKIP_BUILD=1 to reuse dist/
# Creates and drops its own scratch database and Redis prefix, starts and stops its own servers; all traffic
# goes to 127.0.0.1.
set -euo pipefail
shopt -s inherit_errexit

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
PRODUCTS="${PRODUCTS:-2000}"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-50}"
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$DIR/../.." && pwd)"
DB="hst_bench_catalog_$$"
WORK="$(mktemp -d)"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  redis-cli -h 127.0.0.1 --scan --pattern "hst-bench-$$*" 2>/dev/null | xargs -r redis-cli -h 127.0.0.1 del >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# start NAME SCRIPT PORT [ENV…]: runs a server in the background and waits for its "ready" line.
start() {
  local name="$1" script="$2" port="$3"; shift 3
  env "$@" PORT="$port" node "$WORK/$script" >"$WORK/$name.log" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 1 300); do
    if grep -q '^ready' "$WORK/$name.log"; then return; fi
    if ! kill -0 "${PIDS[-1]}" 2>/dev/null; then echo "$name failed to start:" >&2; cat "$WORK/$name.log" >&2; exit 1; fi
    sleep 0.1
  done
  echo "$name did not start in 30 s" >&2; exit 1
}

stop_last() { local pid="${PIDS[-1]}"; kill "$pid"; wait "$pid" 2>/dev/null || true; unset 'PIDS[-1]'; }

# pgbench latencies (µs, 3rd field of each -l log line) → "p50 p99" in ms
percentiles() {
  cat "$WORK"/pgbench_log.* | awk '{ print $3 }' | sort -n | awk '
    { v[NR] = $1 } END { a = int(NR * 0.50); b = int(NR * 0.99); if (a < 1) a = 1; if (b < 1) b = 1
                         printf "%.2f %.2f\n", v[a] / 1000, v[b] / 1000 }'
}

# The Node helpers live here, written to the scratch directory, so that the repository's typed lint and
# typecheck see no loose JavaScript. They load the repository's packages through createRequire(ROOT).
export ROOT
cat >"$WORK/mix.js" <<'JS'
// The benchmark's query mix: each entry is the URL query of GET /api/v1/products and the same query as the
// ProductsQuery the validation pipe produces, so the API and pgbench run identical SQL.
'use strict';

const MIX = [
  { q: '网联' },
  { q: '智能网联' },
  { q: '港口 吞吐' },
  { q: 'traffic' },
  { q: 'Trajectory', sort: 'price_asc' },
  { q: '电力', category: '城市治理' },
  { q: 'quality', pricingModel: 'subscription' },
  { category: '交通出行', sort: 'newest' },
  { deliveryMode: 'api', minPriceFen: 1000, maxPriceFen: 500000, sort: 'price_desc' },
  {},
];

const pathOf = (query) =>
  `/api/v1/products?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}`;

module.exports = { MIX, pathOf };
JS
cat >"$WORK/drive.js" <<'JS'
// autocannon against a server on 127.0.0.1: `node drive.js api|bare PORT SECONDS CONNECTIONS` → one JSON line.
'use strict';
const autocannon = require('node:module').createRequire(`${process.env.ROOT}/package.json`)('autocannon');
const { MIX, pathOf } = require('./mix');

const [kind, port, seconds, connections] = process.argv.slice(2);
const requests = kind === 'api' ? MIX.map((q) => ({ method: 'GET', path: pathOf(q) })) : [{ method: 'GET', path: '/' }];

autocannon(
  { url: `http://127.0.0.1:${port}`, connections: Number(connections), duration: Number(seconds), requests },
  (error, result) => {
    if (error) throw error;
    const out = {
      kind,
      requests: result.requests.total,
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
    };
    console.log(JSON.stringify(out));
  },
);
JS
cat >"$WORK/serve-api.js" <<'JS'
// Serves the built API (dist) on 127.0.0.1:$PORT, as main.js does but bound to loopback only.
'use strict';
require('node:module').createRequire(`${process.env.ROOT}/package.json`)('reflect-metadata');
const path = require('node:path');
const dist = path.join(process.env.ROOT, 'dist');
const { validateEnv } = require(`${dist}/libs/common/src`);
const { prepareDatabase } = require(`${dist}/libs/database/src`);
const { PlatformBootstrap } = require(`${dist}/libs/subjects/src`);
const { createApiApp } = require(`${dist}/apps/api/src/http/configure-app`);

(async () => {
  const env = validateEnv(process.env);
  await prepareDatabase(env);
  const app = await createApiApp(env);
  await app.get(PlatformBootstrap).ensurePlatformAdmin();
  await app.listen(env.PORT, '127.0.0.1');
  console.log('ready');
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
JS
cat >"$WORK/serve-bare.js" <<'JS'
// The floor: a bare Fastify hello-world on 127.0.0.1:$PORT.
'use strict';
const fastify = require('node:module').createRequire(`${process.env.ROOT}/package.json`)('fastify')({ logger: false });
fastify.get('/', async () => ({ hello: 'world' }));
fastify.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => console.log('ready'));
JS
cat >"$WORK/pgbench-scripts.js" <<'JS'
// Writes one pgbench script per query of the mix: the SQL the API sends, with its parameters inlined.
// `node pgbench-scripts.js DIR` (needs `npm run build`).
'use strict';
require('node:module').createRequire(`${process.env.ROOT}/package.json`)('reflect-metadata');
const fs = require('node:fs');
const path = require('node:path');
const { buildProductSearch, ProductsQuery } = require(path.join(process.env.ROOT, 'dist/libs/catalog/src'));
const { MIX } = require('./mix');

const literal = (v) => {
  if (Array.isArray(v)) return literal(`{${v.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  if (typeof v === 'number') return String(v);
  return `'${String(v).replace(/'/g, "''")}'`;
};

const dir = process.argv[2];
MIX.forEach((q, i) => {
  const query = Object.assign(new ProductsQuery(), { limit: 20, ...q });
  const { sql, params } = buildProductSearch({ kind: 'public' }, query);
  const inlined = sql.replace(/\$(\d+)/g, (_, n) => literal(params[Number(n) - 1]));
  fs.writeFileSync(path.join(dir, `q${i}.sql`), `${inlined.replace(/\s+/g, ' ').trim()};\n`);
});
JS

cd "$ROOT"
if [[ "${SKIP_BUILD:-}" != "1" ]]; then npm run build >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }; fi

psql -X -q -v ON_ERROR_STOP=1 -d postgres -c \
  "CREATE DATABASE $DB ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB"
node -e "require('$ROOT/dist/libs/database/src').runMigrations(process.env.DATABASE_URL).then(() => process.exit(0))"
psql -X -q -v ON_ERROR_STOP=1 -v n="$PRODUCTS" -d "$DB" -f "$DIR/seed.sql" >/dev/null

echo "# catalog search benchmark — $(date -u +%FT%TZ), $(nproc) cores, PostgreSQL $(psql -X -At -d "$DB" -c 'SHOW server_version')," \
  "node $(node --version); $PRODUCTS listed products, $CONNECTIONS connections/clients, ${DURATION} s each"

# 1. the API, built, as a separate process
API_PORT="$(free_port)"
start api serve-api.js "$API_PORT" NODE_ENV=production LOG_LEVEL=warn REDIS_PREFIX="hst-bench-$$" \
  JWT_SECRET="bench-only-secret-$(openssl rand -hex 16)" BOOTSTRAP_ADMIN_EMAIL=bench@hst.local \
  BOOTSTRAP_ADMIN_PASSWORD="bench-$(openssl rand -hex 8)" REDIS_URL=redis://127.0.0.1:6379/0 \
  CERTIFICATE_SIGNING_KEY="$(openssl genpkey -algorithm ed25519)"
for path in $(node -e "const {MIX,pathOf}=require('$WORK/mix');MIX.forEach(q=>console.log(pathOf(q)))"); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$API_PORT$path")
  [[ "$code" == "200" ]] || { echo "GET $path answered $code" >&2; exit 1; }
done
node "$WORK/drive.js" api "$API_PORT" 2 "$CONNECTIONS" >/dev/null # warm-up
API=$(node "$WORK/drive.js" api "$API_PORT" "$DURATION" "$CONNECTIONS")
stop_last

# 2. bare Fastify
BARE_PORT="$(free_port)"
start bare serve-bare.js "$BARE_PORT"
node "$WORK/drive.js" bare "$BARE_PORT" 2 "$CONNECTIONS" >/dev/null
BARE=$(node "$WORK/drive.js" bare "$BARE_PORT" "$DURATION" "$CONNECTIONS")
stop_last

# 3. pgbench, the identical SQL (one script per query of the mix, chosen at random)
node "$WORK/pgbench-scripts.js" "$WORK"
SCRIPTS=()
for f in "$WORK"/q*.sql; do SCRIPTS+=(-f "$f"); done
pgbench -n -M extended -c "$CONNECTIONS" -j 2 -T 2 "${SCRIPTS[@]}" "$DB" >/dev/null 2>&1
(cd "$WORK" && pgbench -n -M extended -c "$CONNECTIONS" -j 2 -T "$DURATION" -l --log-prefix=pgbench_log \
  "${SCRIPTS[@]}" "$DB" >"$WORK/pgbench.out" 2>&1) || { cat "$WORK/pgbench.out" >&2; exit 1; }
PG_TPS=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$WORK/pgbench.out" | head -1)
read -r PG_P50 PG_P99 <<<"$(percentiles)"

node - "$API" "$BARE" "$PG_TPS" "$PG_P50" "$PG_P99" <<'JS'
const [api, bare, pgTps, pgP50, pgP99] = process.argv.slice(2);
const a = JSON.parse(api), b = JSON.parse(bare);
const row = (name, rps, p50, p99, note) => console.log(`| ${name} | ${Math.round(rps).toLocaleString('en')} | ${p50} | ${p99} | ${note} |`);
console.log('| run | requests/s | p50 (ms) | p99 (ms) | notes |');
console.log('| --- | ---: | ---: | ---: | --- |');
row('API `GET /api/v1/products` (mix)', a.rps, a.p50, a.p99, `${a.requests} requests, non-2xx ${a.non2xx}, errors ${a.errors}`);
row('pgbench, identical SQL', Number(pgTps), pgP50, pgP99, 'tps');
row('bare Fastify hello-world', b.rps, b.p50, b.p99, `non-2xx ${b.non2xx}`);
console.log(`\nAPI / pgbench = ${(a.rps / Number(pgTps)).toFixed(2)}; API / bare Fastify = ${(a.rps / b.rps).toFixed(2)}`);
if (a.non2xx > 0 || a.errors > 0) { console.error('the API answered errors'); process.exit(1); }
JS
