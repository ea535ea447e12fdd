-- (b) the ceiling: the real run's settlement ledger rows (its transfers of kind settlement/platform_fee and
-- their entries, same accounts, shards, amounts and balance_after_fen, fresh transfer ids) inserted again with
-- one multi-row INSERT ... SELECT per table in one transaction, no balance rows touched, no locks. The rows are
-- staged in temporary tables first, outside the timing. Prints "rows|seconds". Run last: afterwards the balance
-- rows no longer equal their entries.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE TEMP TABLE c_transfers AS
SELECT gen_random_uuid() AS id, t.id AS old_id, t.debit_account_id, t.credit_account_id, t.amount_fen, t.kind, t.order_id
  FROM ledger_transfers t JOIN orders o ON o.id = t.order_id
 WHERE o.status = 'settled' AND t.kind IN ('settlement', 'platform_fee');
CREATE TEMP TABLE c_entries AS
SELECT c.id AS transfer_id, e.account_id, e.shard, e.amount_fen, e.balance_after_fen
  FROM c_transfers c JOIN ledger_entries e ON e.transfer_id = c.old_id ORDER BY e.id;
ANALYZE c_transfers, c_entries;
SELECT (SELECT count(*) FROM c_transfers) + (SELECT count(*) FROM c_entries) AS rows,
       extract(epoch FROM clock_timestamp()) AS t0 \gset
BEGIN;
INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount_fen, kind, order_id, reference, created_at)
SELECT id, debit_account_id, credit_account_id, amount_fen, kind, order_id, 'bench-ceiling', now() FROM c_transfers;
INSERT INTO ledger_entries (transfer_id, account_id, shard, amount_fen, balance_after_fen, created_at)
SELECT transfer_id, account_id, shard, amount_fen, balance_after_fen, now() FROM c_entries;
COMMIT;
SELECT :rows || '|' || round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 3);
