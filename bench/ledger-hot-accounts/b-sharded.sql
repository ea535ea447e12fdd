-- (b) sharded, as LedgerService.post does it: escrow and platform_fee have K balance rows (-D K=16; K=1 is the
-- same code path on one row) and the order key picks the shard -- the same shard for both, as shardOf() hashes
-- the order id for both 16-shard accounts. The three touched rows are locked in the one global order
-- (account_id, shard) -- escrow < platform_fee < wallet:... -- then updated by one UPDATE ... FROM unnest(...).
-- Same settlement as a-naive.sql: 2 transfers, 4 entries.
\set vendor random(1, 1000)
\set shard random(0, :K - 1)
\set amount random(1000, 1000000)
\set fee :amount * 300 / 10000
\set net :amount - :fee
BEGIN;
SELECT account_id, shard FROM ledger_balances
 WHERE (account_id, shard) IN (SELECT * FROM unnest(
         ARRAY['escrow', 'platform_fee', 'wallet:' || md5('vendor-' || :vendor)::uuid]::varchar[],
         ARRAY[:shard, :shard, 0]::smallint[]))
 ORDER BY account_id, shard FOR UPDATE;
WITH updated AS (
  UPDATE ledger_balances b SET balance_fen = b.balance_fen + v.delta
    FROM unnest(ARRAY['escrow', 'platform_fee', 'wallet:' || md5('vendor-' || :vendor)::uuid]::varchar[],
                ARRAY[:shard, :shard, 0]::smallint[],
                ARRAY[-:amount, :fee, :net]::bigint[]) AS v(account_id, shard, delta)
   WHERE b.account_id = v.account_id AND b.shard = v.shard
  RETURNING b.account_id, b.balance_fen)
SELECT max(balance_fen) FILTER (WHERE account_id = 'escrow') AS escrow_after,
       max(balance_fen) FILTER (WHERE account_id = 'platform_fee') AS fee_after,
       max(balance_fen) FILTER (WHERE account_id LIKE 'wallet:%') AS wallet_after,
       max(account_id) FILTER (WHERE account_id LIKE 'wallet:%') AS wallet,
       count(*) AS updated_rows,
       gen_random_uuid() AS order_id, gen_random_uuid() AS t1, gen_random_uuid() AS t2
  FROM updated \gset
INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount_fen, kind, order_id, created_at)
VALUES (':t1', 'escrow', ':wallet', :net, 'settlement', ':order_id', now()),
       (':t2', 'escrow', 'platform_fee', :fee, 'platform_fee', ':order_id', now());
INSERT INTO ledger_entries (transfer_id, account_id, shard, amount_fen, balance_after_fen, created_at)
VALUES (':t1', 'escrow', :shard, -:net, :escrow_after + :fee, now()),
       (':t1', ':wallet', 0, :net, :wallet_after, now()),
       (':t2', 'escrow', :shard, -:fee, :escrow_after, now()),
       (':t2', 'platform_fee', :shard, :fee, :fee_after, now());
COMMIT;
