#!/usr/bin/env bash
# Audit chain benchmark: in-transaction chain-head lock (A) vs append + post-commit sequencer (B, C).
# See docs/decisions/001-audit-chain.md. Usage: bash bench/audit-chain/run.sh
#   env: PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres) CLIENTS ("1 4 16") DURATION (10 s per pgbench run)
# Creates and drops its own scratch database; touches nothing else.
set -euo pipefail
shopt -s inherit_errexit

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
CLIENTS="${CLIENTS:-1 4 16}"
DURATION="${DURATION:-10}"
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DB="hst_bench_audit_chain_$$"
WORK="$(mktemp -d)"
SEQ_INTERVAL=0.5 # the worker's AUDIT_SEQUENCER_INTERVAL_MS, ~500 ms

cleanup() {
  if [[ -n "${SEQ_PID:-}" ]]; then touch "$WORK/stop"; wait "$SEQ_PID" 2>/dev/null || true; fi
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
now_ns() { date +%s%N; }
ms_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.0f", (b - a) / 1e6 }'; }

psql -X -q -v ON_ERROR_STOP=1 -d postgres -c \
  "CREATE DATABASE $DB ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"

echo "# audit chain benchmark — $(date -u +%FT%TZ), $(nproc) cores, $(psql -X -At -d "$DB" -c 'SHOW server_version')"
echo "# synchronous_commit=$(q -c 'SHOW synchronous_commit') fsync=$(q -c 'SHOW fsync')" \
  "wal_sync_method=$(q -c 'SHOW wal_sync_method'); pgbench -T $DURATION -n, -j min(2, clients)"

reset_schema() { q -f "$DIR/schema.sql" >/dev/null; }

# pgbench SCRIPT CLIENTS LOG -> "tps|latency_ms|transactions|failed"
bench() {
  local script="$1" c="$2" log="$3" j=$(($2 < 2 ? $2 : 2))
  if ! pgbench -n -c "$c" -j "$j" -T "$DURATION" -f "$DIR/$script" "$DB" >"$log" 2>&1; then
    echo "pgbench failed, see output:" >&2; cat "$log" >&2; exit 1
  fi
  local tps lat tx failed
  tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$log")
  lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$log")
  tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$log")
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$log")
  printf '%.0f|%s|%s|%s\n' "$tps" "$lat" "$tx" "${failed:-0}"
}

# verify NAME: the chain must be complete, gapless, linked, hash-correct, head at its end.
verify() {
  local v; v=$(q -F '|' -f "$DIR/verify.sql")
  IFS='|' read -r events sequenced gapless links hashes head <<<"$v"
  if [[ "$events" != "$sequenced" || "$gapless$links$hashes$head" != "tttt" ]]; then
    echo "chain check FAILED after $1: events=$events sequenced=$sequenced gapless=$gapless links=$links hashes=$hashes head=$head" >&2
    exit 1
  fi
  echo "$events"
}

# The worker's scheduled job: every SEQ_INTERVAL, read the lag gauge then sequence everything committed.
sequencer_loop() {
  while [[ ! -e "$WORK/stop" ]]; do
    q -F '|' -c "SELECT count(*), coalesce(extract(epoch FROM clock_timestamp() - min(occurred_at)), 0)
                   FROM audit_events WHERE seq IS NULL" >>"$1"
    q -c 'CALL audit_sequence_pending()' >/dev/null
    sleep "$SEQ_INTERVAL"
  done
}

ROWS=()
row() { ROWS+=("$(printf '| %-44s | %7s | %9s | %14s | %9s | %s |' "$@")"); }

for c in $CLIENTS; do
  # A: head row locked inside every writing transaction.
  reset_schema
  res=$(bench a-head-lock.sql "$c" "$WORK/a-$c.log")
  IFS="|" read -r tps lat tx failed <<<"$res"
  ev=$(verify "A c=$c")
  row "A  in-transaction head lock" "$c" "$tps" "$lat" "$ev" "failed tx: $failed; chain verified"

  # B: append only (no sequencer running), then C: drain the whole backlog as the sequencer would.
  reset_schema
  res=$(bench b-append.sql "$c" "$WORK/b-$c.log")
  IFS="|" read -r tps lat tx failed <<<"$res"
  pending=$(q -c 'SELECT count(*) FROM audit_events WHERE seq IS NULL')
  t0=$(now_ns)
  q -c 'CALL audit_sequence_pending()' >/dev/null
  ms=$(ms_since "$t0")
  ev=$(verify "C c=$c")
  row "B  append, seq NULL (sequencer stopped)" "$c" "$tps" "$lat" "$ev" "failed tx: $failed"
  row "C  sequencer drains B's backlog" "-" "-" "-" "$pending" \
    "$(awk -v n="$pending" -v ms="$ms" 'BEGIN { printf "%.0f", n * 1000 / ms }') events/s ($ms ms, batches of 1000); chain verified"

  # B+S: append with the sequencer running every SEQ_INTERVAL, as in production.
  reset_schema
  : >"$WORK/lag-$c.log"
  sequencer_loop "$WORK/lag-$c.log" &
  SEQ_PID=$!
  res=$(bench b-append.sql "$c" "$WORK/bs-$c.log")
  IFS="|" read -r tps lat tx failed <<<"$res"
  touch "$WORK/stop"; wait "$SEQ_PID"; SEQ_PID=; rm -f "$WORK/stop"
  left=$(q -c 'SELECT count(*) FROM audit_events WHERE seq IS NULL')
  q -c 'CALL audit_sequence_pending()' >/dev/null
  ev=$(verify "B+S c=$c")
  maxlag=$(awk -F'|' 'BEGIN{m=0} $2>m{m=$2} END{printf "%.2f", m}' "$WORK/lag-$c.log")
  maxpend=$(awk -F'|' 'BEGIN{m=0} $1>m{m=$1} END{print m}' "$WORK/lag-$c.log")
  samples=$(wc -l <"$WORK/lag-$c.log")
  row "B+S append, sequencer every ${SEQ_INTERVAL}s" "$c" "$tps" "$lat" "$ev" \
    "max lag ${maxlag}s, max pending $maxpend ($samples samples), $left left at end; chain verified"
done

echo
printf '| %-44s | %7s | %9s | %14s | %9s | %s |\n' "scenario" "clients" "tps" "latency avg ms" "events" "notes"
printf '|%s|%s|%s|%s|%s|%s|\n' "----------------------------------------------" "--------:" "----------:" "---------------:" "----------:" "-------"
printf '%s\n' "${ROWS[@]}"
