-- Seeds the system accounts with :K balance rows each (K = 1: the naive single row; K = 16: the design)
-- and :wallets vendor wallets of one row each, ids 'wallet:' || md5('vendor-' || n)::uuid as in walletOf().
-- Every escrow shard holds 10^12 fen, funded from the bank's shard of the same number, so the books sum to 0.
-- A settlement moves at most 10^6 fen, so no shard can run dry within a 10 s run.
INSERT INTO ledger_accounts (id, subject_id, shards)
VALUES ('escrow', NULL, :K), ('platform_fee', NULL, :K), ('public_data_authority', NULL, :K), ('bank', NULL, :K);
INSERT INTO ledger_balances (account_id, shard, balance_fen, non_negative)
SELECT a.id, s,
       CASE a.id WHEN 'escrow' THEN 1000000000000 WHEN 'bank' THEN -1000000000000 ELSE 0 END,
       a.id <> 'bank'
  FROM ledger_accounts a, generate_series(0, a.shards - 1) AS s;

INSERT INTO ledger_accounts (id, subject_id, shards)
SELECT 'wallet:' || md5('vendor-' || n)::uuid, md5('vendor-' || n)::uuid, 1 FROM generate_series(1, :wallets) AS n;
INSERT INTO ledger_balances (account_id, shard, balance_fen, non_negative)
SELECT id, 0, 0, true FROM ledger_accounts WHERE id LIKE 'wallet:%';

-- The starting balances, for verify.sql.
CREATE TABLE bench_seed AS SELECT account_id, shard, balance_fen FROM ledger_balances;
