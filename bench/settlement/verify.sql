-- After the real run (and again after pgbench (a)), one row, '|'-separated:
-- orders still delivered | orders settled | settlement transfers of settled orders (vendor leg) | their
-- platform_fee transfers | 'order.settled' audit events | 'order.settled' outbox events |
-- sum of all balances (0) | balance rows <> the sum of their entries | transfers without exactly 2 entries
-- summing to 0 | entries whose balance_after_fen is not the running balance of their row |
-- negative non-bank rows | fen left in escrow for settled orders | vendor wallets = Σ(amount − fee) (t/f) |
-- platform_fee = Σ fee + what pgbench (a) posted (t/f)
WITH settled AS (SELECT id, amount_fen, platform_fee_fen FROM orders WHERE status = 'settled'),
running AS (
  SELECT balance_after_fen, sum(amount_fen) OVER (PARTITION BY account_id, shard ORDER BY id) AS expected
    FROM ledger_entries
)
SELECT (SELECT count(*) FROM orders WHERE status = 'delivered'),
       (SELECT count(*) FROM settled),
       (SELECT count(*) FROM ledger_transfers t JOIN settled o ON o.id = t.order_id WHERE t.kind = 'settlement'),
       (SELECT count(*) FROM ledger_transfers t JOIN settled o ON o.id = t.order_id WHERE t.kind = 'platform_fee'),
       (SELECT count(*) FROM audit_events WHERE entity_type = 'order' AND action = 'order.settled'),
       (SELECT count(*) FROM outbox_events WHERE aggregate_type = 'order' AND type = 'order.settled'),
       (SELECT sum(balance_fen) FROM ledger_balances),
       (SELECT count(*) FROM ledger_balances b
          LEFT JOIN (SELECT account_id, shard, sum(amount_fen) AS total FROM ledger_entries GROUP BY 1, 2) e
            USING (account_id, shard)
         WHERE b.balance_fen <> COALESCE(e.total, 0)),
       (SELECT count(*) FROM (SELECT t.id FROM ledger_transfers t LEFT JOIN ledger_entries e ON e.transfer_id = t.id
                               GROUP BY t.id HAVING count(e.id) <> 2 OR COALESCE(sum(e.amount_fen), 0) <> 0) x),
       (SELECT count(*) FROM running WHERE balance_after_fen <> expected),
       (SELECT count(*) FROM ledger_balances WHERE account_id <> 'bank' AND balance_fen < 0),
       (SELECT COALESCE(sum(e.amount_fen), 0) FROM ledger_entries e JOIN ledger_transfers t ON t.id = e.transfer_id
          JOIN settled o ON o.id = t.order_id WHERE e.account_id = 'escrow'),
       (SELECT sum(balance_fen) FROM ledger_balances WHERE account_id IN
               (SELECT 'wallet:' || vendor_id FROM orders GROUP BY vendor_id))
         = (SELECT sum(amount_fen - platform_fee_fen) FROM settled)
           + (SELECT COALESCE(sum(amount_fen), 0) FROM ledger_transfers WHERE kind = 'settlement' AND order_id IS NULL
                 AND reference = 'pgbench-a'),
       (SELECT sum(balance_fen) FROM ledger_balances WHERE account_id = 'platform_fee')
         = (SELECT sum(platform_fee_fen) FROM settled)
           + (SELECT COALESCE(sum(amount_fen), 0) FROM ledger_transfers WHERE kind = 'platform_fee' AND order_id IS NULL
                 AND reference = 'pgbench-a');
