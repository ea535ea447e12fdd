-- (a) naive: escrow and platform_fee are ONE balance row each. Every settlement locks the escrow row with
-- its first UPDATE and holds it (and then the platform_fee row) until COMMIT.
-- One settlement = one order's money leaving escrow: escrow -> vendor wallet (amount - fee, kind settlement)
-- and escrow -> platform_fee (fee = 3 %, PLATFORM_FEE_BPS 300), 2 transfers, 4 entries.
\set vendor random(1, 1000)
\set amount random(1000, 1000000)
\set fee :amount * 300 / 10000
\set net :amount - :fee
BEGIN;
UPDATE ledger_balances SET balance_fen = balance_fen - :amount
 WHERE account_id = 'escrow' AND shard = 0
 RETURNING balance_fen AS escrow_after, gen_random_uuid() AS order_id, gen_random_uuid() AS t1, gen_random_uuid() AS t2 \gset
UPDATE ledger_balances SET balance_fen = balance_fen + :net
 WHERE account_id = 'wallet:' || md5('vendor-' || :vendor)::uuid AND shard = 0
 RETURNING account_id AS wallet, balance_fen AS wallet_after \gset
UPDATE ledger_balances SET balance_fen = balance_fen + :fee
 WHERE account_id = 'platform_fee' AND shard = 0
 RETURNING balance_fen AS fee_after \gset
INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount_fen, kind, order_id, created_at)
VALUES (':t1', 'escrow', ':wallet', :net, 'settlement', ':order_id', now()),
       (':t2', 'escrow', 'platform_fee', :fee, 'platform_fee', ':order_id', now());
INSERT INTO ledger_entries (transfer_id, account_id, shard, amount_fen, balance_after_fen, created_at)
VALUES (':t1', 'escrow', 0, -:net, :escrow_after + :fee, now()),
       (':t1', ':wallet', 0, :net, :wallet_after, now()),
       (':t2', 'escrow', 0, -:fee, :escrow_after, now()),
       (':t2', 'platform_fee', 0, :fee, :fee_after, now());
COMMIT;
