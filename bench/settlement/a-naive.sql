-- (a) the hot-account baseline, on the scratch database's own ledger tables: the naive settlement transfer with
-- escrow and platform_fee as ONE balance row each (shard 0 of each, funded by fund.sql). Every transaction
-- locks the escrow row with its first UPDATE, then the vendor's wallet row and the platform_fee row, and holds
-- them until COMMIT; then inserts the 2 transfers and 4 entries a real settlement inserts (escrow -> vendor
-- wallet amount − fee, escrow -> platform_fee fee = 3 %). Same vendors (md5('vendor-' || n)) and amount range
-- as the seeded orders. After bench/ledger-hot-accounts/a-naive.sql. pgbench -D vendors=V.
\set vendor random(1, :vendors)
\set amount random(1000, 1000000)
\set fee :amount * 300 / 10000
\set net :amount - :fee
BEGIN;
UPDATE ledger_balances SET balance_fen = balance_fen - :amount
 WHERE account_id = 'escrow' AND shard = 0
 RETURNING balance_fen AS escrow_after, gen_random_uuid() AS t1, gen_random_uuid() AS t2 \gset
UPDATE ledger_balances SET balance_fen = balance_fen + :net
 WHERE account_id = 'wallet:' || md5('vendor-' || :vendor)::uuid AND shard = 0
 RETURNING account_id AS wallet, balance_fen AS wallet_after \gset
UPDATE ledger_balances SET balance_fen = balance_fen + :fee
 WHERE account_id = 'platform_fee' AND shard = 0
 RETURNING balance_fen AS fee_after \gset
INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount_fen, kind, reference, created_at)
VALUES (':t1', 'escrow', ':wallet', :net, 'settlement', 'pgbench-a', now()),
       (':t2', 'escrow', 'platform_fee', :fee, 'platform_fee', 'pgbench-a', now());
INSERT INTO ledger_entries (transfer_id, account_id, shard, amount_fen, balance_after_fen, created_at)
VALUES (':t1', 'escrow', 0, -:net, :escrow_after + :fee, now()),
       (':t1', ':wallet', 0, :net, :wallet_after, now()),
       (':t2', 'escrow', 0, -:fee, :escrow_after, now()),
       (':t2', 'platform_fee', 0, :fee, :fee_after, now());
COMMIT;
