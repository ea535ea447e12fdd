#!/usr/bin/env bash
# Ledger hot accounts benchmark: escrow/platform_fee as ONE balance row (a, naive) vs 16 order-keyed shard rows
# locked in one global order (b, LedgerService.post), plus the raw multi-row INSERT ceiling (c).
# See docs/decisions/003-ledger-hot-accounts.md. Usage: bash bench/ledger-hot-accounts/run.sh
#   env: PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres) CLIENTS ("8 32") DURATION (10 s per pgbench run)
#        SHARDS (16) WALLETS (1000) BATCH (500 settlements per statement in c) CEILING_CLIENTS ("2 8")
# Creates and drops its own scratch database; touches nothing else.
set -euo pipefail
shopt -s inherit_errexit

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
CLIENTS="${CLIENTS:-8 32}"
DURATION="${DURATION:-10}"
SHARDS="${SHARDS:-16}"
WALLETS="${WALLETS:-1000}"
BATCH="${BATCH:-500}"
CEILING_CLIENTS="${CEILING_CLIENTS:-2 8}"
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DB="hst_bench_ledger_hot_$$"
WORK="$(mktemp -d)"

cleanup() {
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

psql -X -q -v ON_ERROR_STOP=1 -d postgres -c \
  "CREATE DATABASE $DB ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"

echo "# ledger hot accounts benchmark — $(date -u +%FT%TZ), $(nproc) cores, PostgreSQL $(q -c 'SHOW server_version')"
echo "# synchronous_commit=$(q -c 'SHOW synchronous_commit') fsync=$(q -c 'SHOW fsync')" \
  "wal_sync_method=$(q -c 'SHOW wal_sync_method'); pgbench -n -c N -j 2 -T $DURATION; $WALLETS vendor wallets;" \
  "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# reset K: empty ledger tables, system accounts with K balance rows, WALLETS one-row wallets.
reset() {
  q -f "$DIR/schema.sql" >/dev/null
  q -v K="$1" -v wallets="$WALLETS" -f "$DIR/seed.sql" >/dev/null
  q -c 'VACUUM ANALYZE' >/dev/null
}

# bench SCRIPT CLIENTS LOG [pgbench args...] -> "tps|latency_ms|transactions|failed"
bench() {
  local script="$1" c="$2" log="$3"; shift 3
  if ! pgbench -n -c "$c" -j 2 -T "$DURATION" "$@" -f "$DIR/$script" "$DB" >"$log" 2>&1; then
    echo "pgbench failed, see output:" >&2; cat "$log" >&2; exit 1
  fi
  local tps lat tx failed
  tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$log")
  lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$log")
  tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$log")
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$log")
  printf '%.0f|%s|%s|%s\n' "$tps" "$lat" "$tx" "${failed:-0}"
}

# verify NAME TX: balances = seed + entries, every transfer balanced, books sum to 0, balance_after_fen is the
# running balance of its row, no non-bank row negative, one settlement per committed transaction.
verify() {
  local v; v=$(q -F '|' -f "$DIR/verify.sql")
  IFS='|' read -r settlements rows_ok rows unbalanced total bad_after negative <<<"$v"
  if [[ "$settlements" != "$2" || "$rows_ok" != "$rows" || "$unbalanced$bad_after$negative" != "000" || "$total" != "0" ]]; then
    echo "ledger check FAILED after $1: settlements=$settlements (pgbench: $2) rows_ok=$rows_ok/$rows" \
      "unbalanced=$unbalanced total=$total bad_balance_after=$bad_after negative=$negative" >&2
    exit 1
  fi
  echo "$settlements settlements; ledger verified"
}

declare -A TPS LAT
ROWS=()
row() { ROWS+=("$(printf '| %-40s | %7s | %7s | %9s | %13s | %s |' "$@")"); }

for c in $CLIENTS; do
  # (a) naive: one escrow row, one platform_fee row.
  reset 1
  IFS='|' read -r tps lat tx failed <<<"$(bench a-naive.sql "$c" "$WORK/a-$c.log")"
  TPS[a$c]=$tps LAT[a$c]=$lat
  row "(a) naive: escrow, platform_fee 1 row" "$c" "$tps" "$lat" "$((tps * 6))" "failed tx: $failed; $(verify "a c=$c" "$tx")"

  # (b) the design: SHARDS order-keyed shard rows, global lock order, one UPDATE ... FROM unnest.
  reset "$SHARDS"
  IFS='|' read -r tps lat tx failed <<<"$(bench b-sharded.sql "$c" "$WORK/b-$c.log" -D K="$SHARDS")"
  TPS[b$c]=$tps LAT[b$c]=$lat
  row "(b) sharded: K=$SHARDS, order-keyed" "$c" "$tps" "$lat" "$((tps * 6))" "failed tx: $failed; $(verify "b c=$c" "$tx")"

  # (b1) control: (b)'s statements with K=1, i.e. the real code path without sharding.
  reset 1
  IFS='|' read -r tps lat tx failed <<<"$(bench b-sharded.sql "$c" "$WORK/b1-$c.log" -D K=1)"
  TPS[b1$c]=$tps LAT[b1$c]=$lat
  row "(b1) control: (b)'s statements, K=1" "$c" "$tps" "$lat" "$((tps * 6))" "failed tx: $failed; $(verify "b1 c=$c" "$tx")"
done

# (c) the ceiling: BATCH settlements' ledger rows (6 per settlement) per INSERT pair, no balance rows.
for c in $CEILING_CLIENTS; do
  reset "$SHARDS"
  IFS='|' read -r tps lat tx failed <<<"$(bench c-bulk-insert.sql "$c" "$WORK/c-$c.log" -D batch="$BATCH")"
  n=$(q -c 'SELECT (SELECT count(*) FROM ledger_transfers) + (SELECT count(*) FROM ledger_entries)')
  if [[ "$n" != "$((tx * BATCH * 6))" ]]; then echo "ceiling check FAILED: $n rows for $tx transactions" >&2; exit 1; fi
  row "(c) ceiling: multi-row INSERT, $BATCH/stmt" "$c" "$tps" "$lat" \
    "$(awk -v t="$tps" -v b="$BATCH" 'BEGIN { printf "%.0f", t * b * 6 }')" \
    "failed tx: $failed; $n rows = $tx tx x $BATCH settlements x 6; $(awk -v t="$tps" -v b="$BATCH" 'BEGIN { printf "%.0f", t * b }') settlements/s"
done

echo
printf '| %-40s | %7s | %7s | %9s | %13s | %s |\n' "scenario" "clients" "tps" "lat ms" "ledger rows/s" "notes"
printf '|%s|%s|%s|%s|%s|%s|\n' "------------------------------------------" "--------:" "--------:" "----------:" "--------------:" "-------"
printf '%s\n' "${ROWS[@]}"
echo
for c in $CLIENTS; do
  awk -v c="$c" -v a="${TPS[a$c]}" -v b="${TPS[b$c]}" -v b1="${TPS[b1$c]}" -v la="${LAT[a$c]}" -v lb="${LAT[b$c]}" 'BEGIN {
    printf "clients %s: tps (b)/(a) = %.2f, (b)/(b1) = %.2f; latency (b)/(a) = %.2f\n", c, b / a, b / b1, lb / la }'
done
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
