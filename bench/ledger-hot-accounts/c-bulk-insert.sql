-- (c) the ceiling: the same ledger rows as a settlement (2 transfers + 4 entries), :batch settlements per
-- statement, no balance rows touched. Two INSERT ... SELECT statements in one transaction, as LedgerService.post
-- inserts transfers then entries; the entries compute the same transfer ids (md5 of client, key, n) so the FK
-- holds. Amounts, vendors and shards vary per row.
\set key random(1, 1000000000000)
BEGIN;
INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount_fen, kind, order_id, created_at)
SELECT md5(:client_id || '-' || :key || '-' || n || '-' || leg)::uuid, 'escrow',
       CASE leg WHEN 1 THEN 'wallet:' || md5('vendor-' || (1 + (n * 7919 + :key) % 1000))::uuid ELSE 'platform_fee' END,
       CASE leg WHEN 1 THEN a - a * 300 / 10000 ELSE a * 300 / 10000 END,
       CASE leg WHEN 1 THEN 'settlement' ELSE 'platform_fee' END,
       md5(:client_id || '-' || :key || '-' || n || '-o')::uuid, now()
  FROM generate_series(1, :batch) AS n,
       LATERAL (SELECT 1000 + (n * 104729 + :key) % 999001 AS a) amt,
       generate_series(1, 2) AS leg;
INSERT INTO ledger_entries (transfer_id, account_id, shard, amount_fen, balance_after_fen, created_at)
SELECT md5(:client_id || '-' || :key || '-' || n || '-' || leg)::uuid,
       CASE WHEN side = 0 THEN 'escrow' WHEN leg = 1 THEN 'wallet:' || md5('vendor-' || (1 + (n * 7919 + :key) % 1000))::uuid ELSE 'platform_fee' END,
       CASE WHEN side = 1 AND leg = 1 THEN 0 ELSE (n + :key) % 16 END,
       CASE side WHEN 0 THEN -1 ELSE 1 END * CASE leg WHEN 1 THEN a - a * 300 / 10000 ELSE a * 300 / 10000 END,
       0, now()
  FROM generate_series(1, :batch) AS n,
       LATERAL (SELECT 1000 + (n * 104729 + :key) % 999001 AS a) amt,
       generate_series(1, 2) AS leg, generate_series(0, 1) AS side;
COMMIT;
