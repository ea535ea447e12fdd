#!/usr/bin/env bash
# Settlement throughput benchmark: ORDERS delivered, due orders settled through the real `settlement` BullMQ queue
# by real worker processes (dist/apps/worker/src/main.js), against
#   (a) pgbench running the naive settlement transfer on single-row hot accounts (escrow, platform_fee) in the
#       same database's ledger tables, at the workers' total BullMQ concurrency — the hot-account baseline;
#   (b) one raw multi-row INSERT of the same ledger rows the real run wrote — the ceiling, for context.
# See docs/PERFORMANCE.md ("Settlement throughput"). Usage: bash bench/settlement/run.sh
#   env: PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres) REDIS_URL (redis://127.0.0.1:6379/0)
#        ORDERS (100000) VENDORS (16) BUYERS (64) WORKERS (1 worker process) DURATION (20 s of pgbench (a))
#        SKIP_BUILD=1 to reuse dist/   PROFILE=1 to sample pg_stat_activity during the real run
#        POLL (0.5 s between checks for delivered orders) WORKER_NODE_FLAGS (e.g. "--prof --logfile=/tmp/v8-%p.log") for the worker processes only
# Creates and drops its own scratch database and Redis prefix, starts and stops its own worker processes.
set -euo pipefail
shopt -s inherit_errexit

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
ORDERS="${ORDERS:-100000}"
VENDORS="${VENDORS:-16}"
BUYERS="${BUYERS:-64}"
WORKERS="${WORKERS:-1}"
DURATION="${DURATION:-20}"
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$DIR/../.." && pwd)"
DB="hst_bench_settlement_$$"
PREFIX="hst-bench-settlement-$$"
WORK="$(mktemp -d)"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  redis-cli -u "$REDIS_URL" --scan --pattern "$PREFIX:*" 2>/dev/null | xargs -r -n 500 redis-cli -u "$REDIS_URL" del >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
# jiffies: "busy total" of the whole machine; proc_cpu PID...: user+system jiffies of those processes
jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat; }
proc_cpu() { local sum=0 p; for p in "$@"; do [[ -r /proc/$p/stat ]] && sum=$((sum + $(awk '{ print $14 + $15 }' "/proc/$p/stat"))); done; echo "$sum"; }
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# The Node helper lives here, written to the scratch directory, so that the repository's typed lint sees no
# loose JavaScript. It loads the repository's packages and the built dist through createRequire(ROOT).
export ROOT
cat >"$WORK/queue.js" <<'JS'
// `node queue.js enqueue` (order ids and due times, "id|epoch_ms" lines, on stdin): pauses the `settlement`
// queue and adds one 'settle' job per order, as SettlementScheduler does (same job id, the queue's default job
// options), with addBulk; `resume`: resumes it; `counts`: its job counts as JSON.
'use strict';
const req = require('node:module').createRequire(`${process.env.ROOT}/package.json`);
req('reflect-metadata');
const { Queue } = req('bullmq');
const dist = `${process.env.ROOT}/dist/libs`;
const { QUEUE_CONFIG, QueueName, redisOptions } = require(`${dist}/queue/src`);
const { settlementJobId } = require(`${dist}/trading/src/jobs/settlement.job`);

(async () => {
  const queue = new Queue(QueueName.Settlement, {
    connection: redisOptions(process.env.REDIS_URL),
    prefix: process.env.REDIS_PREFIX,
    defaultJobOptions: QUEUE_CONFIG[QueueName.Settlement].jobOptions,
  });
  const command = process.argv[2];
  if (command === 'enqueue') {
    await queue.pause();
    const lines = require('node:fs').readFileSync(0, 'utf8').trim().split('\n');
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < lines.length; i += 1000) {
      await queue.addBulk(
        lines.slice(i, i + 1000).map((line) => {
          const [orderId, dueMs] = line.split('|');
          return { name: 'settle', data: { orderId }, opts: { jobId: settlementJobId(orderId, new Date(Number(dueMs))) } };
        }),
      );
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    console.log(`${lines.length}|${seconds.toFixed(3)}|${await queue.count()}`);
  } else if (command === 'resume') {
    await queue.resume();
  } else if (command === 'counts') {
    console.log(JSON.stringify(await queue.getJobCounts('waiting', 'paused', 'active', 'delayed', 'completed', 'failed')));
  } else if (command === 'concurrency') {
    console.log(QUEUE_CONFIG[QueueName.Settlement].concurrency);
  }
  await queue.close();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
JS

cd "$ROOT"
if [[ "${SKIP_BUILD:-}" != "1" ]]; then npm run build >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }; fi
export REDIS_URL REDIS_PREFIX="$PREFIX"
CONCURRENCY=$(( WORKERS * $(node "$WORK/queue.js" concurrency) ))

psql -X -q -v ON_ERROR_STOP=1 -d postgres -c \
  "CREATE DATABASE $DB ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB"
node -e "require('$ROOT/dist/libs/database/src').runMigrations(process.env.DATABASE_URL).then(() => process.exit(0))"

echo "# settlement benchmark — $(date -u +%FT%TZ), $(nproc) cores, PostgreSQL $(q -c 'SHOW server_version'), node $(node --version)"
echo "# synchronous_commit=$(q -c 'SHOW synchronous_commit') fsync=$(q -c 'SHOW fsync')" \
  "wal_sync_method=$(q -c 'SHOW wal_sync_method'); $ORDERS orders, $VENDORS vendors, $BUYERS buyers;" \
  "$WORKERS worker processes x settlement concurrency $((CONCURRENCY / WORKERS)) = $CONCURRENCY; load average at start: $(load)"

# 1. Seed by SQL, and check the seed's shard numbers against libs/ledger/src/shard.ts.
t0=$(now)
q -v orders="$ORDERS" -v vendors="$VENDORS" -v buyers="$BUYERS" -f "$DIR/seed.sql" >/dev/null
echo "seeded in $(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }') s"
q -F ' ' -c "SELECT e.account_id, COALESCE(t.order_id, t.id), e.shard FROM ledger_transfers t
               JOIN ledger_entries e ON e.transfer_id = t.id AND e.account_id IN ('escrow', 'bank')
              ORDER BY random() LIMIT 1000" >"$WORK/shards.txt"
node -e "
const { shardOf } = require('$ROOT/dist/libs/ledger/src/shard');
const rows = require('fs').readFileSync('$WORK/shards.txt', 'utf8').trim().split('\n').map((l) => l.split(' '));
const bad = rows.filter(([account, key, shard]) => shardOf(account, key) !== Number(shard));
if (bad.length) { console.error('seed shards differ from shardOf():', bad.slice(0, 5)); process.exit(1); }
console.log('seed shards: ' + rows.length + ' sampled escrow/bank entries match shardOf()');"

# 2. One 'settle' job per order into the paused `settlement` queue.
IFS='|' read -r jobs enqueue_s queued <<<"$(q -c "SELECT id || '|' || floor(extract(epoch FROM settle_due_at) * 1000)::bigint
                                                  FROM orders WHERE status = 'delivered' ORDER BY settle_due_at" |
                                            node "$WORK/queue.js" enqueue)"
[[ "$jobs" == "$ORDERS" && "$queued" == "$ORDERS" ]] || { echo "enqueued $jobs, queue holds $queued" >&2; exit 1; }
echo "enqueued $jobs jobs (paused queue) in $enqueue_s s"

# 3. The real workers; the timer sweeps and the reconciliation set far out so that only the jobs settle.
SIGNING_KEY="$(openssl genpkey -algorithm ed25519 2>/dev/null)"
for i in $(seq 1 "$WORKERS"); do
  env NODE_ENV=production LOG_LEVEL=warn WORKER_PORT="$(free_port)" DATABASE_URL="$DATABASE_URL" REDIS_URL="$REDIS_URL" \
    REDIS_PREFIX="$PREFIX" JWT_SECRET="bench-only-secret-$(openssl rand -hex 16)" BOOTSTRAP_ADMIN_EMAIL=bench@hst.local \
    BOOTSTRAP_ADMIN_PASSWORD="bench-$(openssl rand -hex 8)" CERTIFICATE_SIGNING_KEY="$SIGNING_KEY" \
    TIMER_SWEEP_INTERVAL_MS=86400000 LEDGER_RECONCILE_INTERVAL_MS=86400000 \
    node ${WORKER_NODE_FLAGS:-} dist/apps/worker/src/main.js >"$WORK/worker-$i.log" 2>&1 &
  PIDS+=("$!")
done
for i in $(seq 1 "$WORKERS"); do
  for _ in $(seq 1 600); do
    grep -qs 'worker ready' "$WORK/worker-$i.log" && break
    if ! kill -0 "${PIDS[$((i - 1))]}" 2>/dev/null; then echo "worker $i failed:" >&2; cat "$WORK/worker-$i.log" >&2; exit 1; fi
    sleep 0.1
  done
  grep -q 'worker ready' "$WORK/worker-$i.log" || { echo "worker $i did not start in 60 s" >&2; exit 1; }
done
sleep 2 # let the workers settle in (job schedulers upserted, connections open)

# 4. The real run: resume the queue, wait until no order is delivered.
LOAD_BEFORE=$(load)
read -r BUSY0 TOTAL0 <<<"$(jiffies)"
WCPU0=$(proc_cpu "${PIDS[@]}")
read -r XACT0 <<<"$(q -c "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")"
t0=$(now)
node "$WORK/queue.js" resume
deadline=$(( $(date +%s) + 60 + ORDERS / 20 ))
while :; do
  left=$(q -c "SELECT count(*) FROM orders WHERE status = 'delivered'")
  [[ "$left" == "0" ]] && break
  for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "a worker died" >&2; cat "$WORK"/worker-*.log >&2; exit 1; }; done
  (( $(date +%s) < deadline )) || { echo "timed out with $left orders delivered" >&2; exit 1; }
  if [[ "${PROFILE:-}" == "1" ]]; then
    q -F '|' -c "SELECT pid, state, COALESCE(wait_event_type || ':' || wait_event, 'CPU'), regexp_replace(left(query, 60), '\s+', ' ', 'g')
                   FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
                    AND pid <> pg_backend_pid()" >>"$WORK/activity.txt"
  fi
  sleep "${POLL:-0.5}"
done
t1=$(now)
LOAD_AFTER=$(load)
read -r BUSY1 TOTAL1 <<<"$(jiffies)"
WCPU1=$(proc_cpu "${PIDS[@]}")
read -r XACT1 <<<"$(q -c "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")"
HZ=$(getconf CLK_TCK)
echo "during the real run: machine CPU busy $(awk -v b="$((BUSY1 - BUSY0))" -v t="$((TOTAL1 - TOTAL0))" 'BEGIN { printf "%.0f", 100 * b / t }') %" \
  "of $(nproc) cores; worker processes used $(awk -v c="$((WCPU1 - WCPU0))" -v hz="$HZ" -v n="$ORDERS" \
  'BEGIN { printf "%.1f CPU-s = %.2f CPU-ms per settlement", c / hz, 1000 * c / hz / n }');" \
  "$((XACT1 - XACT0)) commits in the database = $(awk -v x="$((XACT1 - XACT0))" -v n="$ORDERS" 'BEGIN { printf "%.2f", x / n }') per settlement"
if [[ "${PROFILE:-}" == "1" && -s "$WORK/activity.txt" ]]; then
  echo "pg_stat_activity samples (state | wait | query), top 12 of $(wc -l <"$WORK/activity.txt"):"
  cut -d'|' -f2- "$WORK/activity.txt" | sort | uniq -c | sort -rn | head -12
fi
REAL_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
REAL=$(awk -v n="$ORDERS" -v s="$REAL_S" 'BEGIN { printf "%.0f", n / s }')
COUNTS=$(node "$WORK/queue.js" counts)
echo "real: $ORDERS settled in $REAL_S s = $REAL settlements/s; load average $LOAD_BEFORE -> $LOAD_AFTER; jobs $COUNTS"
for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
PIDS=()
if grep -qiE '"level":(50|60)|error' "$WORK"/worker-*.log; then
  echo "worker errors (first 5):"; grep -hiE '"level":(50|60)|error' "$WORK"/worker-*.log | head -5 | cut -c1-300
fi

# verify EXPECTED_SETTLED LABEL: every order settled, once, with its audit and outbox rows; the books sum to 0;
# every balance row equals its entries; every transfer balanced; running balances right; escrow released.
verify() {
  IFS='|' read -r delivered settled vt ft audit outbox total mismatch unbalanced bad_after negative escrow vendors_ok fee_ok \
    <<<"$(q -f "$DIR/verify.sql")"
  if [[ "$delivered" != 0 || "$settled" != "$ORDERS" || "$vt" != "$ORDERS" || "$ft" != "$ORDERS" || "$audit" != "$ORDERS" \
        || "$outbox" != "$ORDERS" || "$total" != 0 || "$mismatch$unbalanced$bad_after$negative" != "0000" || "$escrow" != 0 \
        || "$vendors_ok$fee_ok" != "tt" ]]; then
    echo "verification FAILED after $1: delivered=$delivered settled=$settled vendor_transfers=$vt fee_transfers=$ft" \
      "audit=$audit outbox=$outbox trial_balance=$total balance_mismatch=$mismatch unbalanced=$unbalanced" \
      "bad_balance_after=$bad_after negative=$negative escrow_left=$escrow vendors_ok=$vendors_ok fee_ok=$fee_ok" >&2
    exit 1
  fi
  echo "verified after $1: $settled/$ORDERS orders settled once (2 transfers, audit + outbox event each);" \
    "trial balance 0; every balance = its entries; every transfer balanced; escrow of settled orders 0"
}
verify "the real run"

# 5. (a) pgbench: the naive transfer on single-row hot accounts, same tables, same concurrency.
q -f "$DIR/fund.sql" >/dev/null
q -c 'VACUUM ANALYZE ledger_balances' >/dev/null
LOAD_A_BEFORE=$(load)
if ! pgbench -n -c "$CONCURRENCY" -j 2 -T "$DURATION" -D vendors="$VENDORS" -f "$DIR/a-naive.sql" "$DB" >"$WORK/a.log" 2>&1; then
  echo "pgbench (a) failed:" >&2; cat "$WORK/a.log" >&2; exit 1
fi
LOAD_A_AFTER=$(load)
A_TPS=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$WORK/a.log" | head -1)
A_LAT=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$WORK/a.log")
A_TX=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$WORK/a.log")
A_FAILED=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/a.log")
A_ROWS=$(q -c "SELECT count(*) FROM ledger_transfers WHERE reference = 'pgbench-a' AND kind = 'settlement'")
[[ "$A_ROWS" == "$A_TX" ]] || { echo "pgbench (a): $A_TX transactions but $A_ROWS settlements in the ledger" >&2; exit 1; }
echo "(a) naive pgbench: $A_TX transactions, $A_TPS tps, latency $A_LAT ms, failed ${A_FAILED:-0};" \
  "load average $LOAD_A_BEFORE -> $LOAD_A_AFTER"
verify "pgbench (a)"

# 6. (b) the ceiling: the real run's ledger rows again, one multi-row INSERT per table.
LOAD_B_BEFORE=$(load)
IFS='|' read -r B_ROWS B_S <<<"$(q -f "$DIR/ceiling.sql" | tail -1)"
[[ "$B_ROWS" == "$((ORDERS * 6))" ]] || { echo "ceiling: $B_ROWS rows, expected $((ORDERS * 6))" >&2; exit 1; }
B_RPS=$(awk -v r="$B_ROWS" -v s="$B_S" 'BEGIN { printf "%.0f", r / s }')
echo "(b) ceiling: $B_ROWS rows in $B_S s = $B_RPS rows/s; load average $LOAD_B_BEFORE -> $(load)"

echo
echo "| run | rate | settlements/s | ledger rows/s | notes |"
echo "| --- | ---: | ---: | ---: | --- |"
echo "| real: \`settlement\` queue, $WORKERS workers x $((CONCURRENCY / WORKERS)) | $REAL settlements/s | $REAL |" \
  "$((REAL * 6)) | $ORDERS orders in $REAL_S s; load $LOAD_BEFORE -> $LOAD_AFTER |"
echo "| (a) pgbench naive transfer, hot rows, $CONCURRENCY clients | $(printf '%.0f' "$A_TPS") tps | $(printf '%.0f' "$A_TPS") |" \
  "$(awk -v t="$A_TPS" 'BEGIN { printf "%.0f", t * 6 }') | ${DURATION} s, latency $A_LAT ms, failed ${A_FAILED:-0}; load $LOAD_A_BEFORE -> $LOAD_A_AFTER |"
echo "| (b) multi-row INSERT of the same ledger rows, 1 session | $B_RPS rows/s | $((B_RPS / 6)) | $B_RPS |" \
  "$B_ROWS rows in $B_S s, no balance rows |"
echo
awk -v r="$REAL" -v a="$A_TPS" -v b="$B_RPS" 'BEGIN {
  printf "real / (a) = %.2f; real / (b) = %.3f (in ledger rows: %d / %d)\n", r / a, r * 6 / b, r * 6, b }'
echo "# load average at end: $(load)"
