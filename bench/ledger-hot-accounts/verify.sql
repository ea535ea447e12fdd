-- After a settlement scenario: settlements | rows whose balance = seed + their entries | all rows |
-- transfers without exactly 2 entries summing to 0 | sum of all balances (0) | entries whose balance_after_fen
-- is not the running balance of their row | negative non-bank rows.
WITH per_row AS (
  SELECT b.account_id, b.shard, b.balance_fen, s.balance_fen + COALESCE(e.total, 0) AS expected
    FROM ledger_balances b JOIN bench_seed s USING (account_id, shard)
    LEFT JOIN (SELECT account_id, shard, sum(amount_fen) AS total FROM ledger_entries GROUP BY 1, 2) e USING (account_id, shard)
), running AS (
  SELECT e.balance_after_fen,
         s.balance_fen + sum(e.amount_fen) OVER (PARTITION BY e.account_id, e.shard ORDER BY e.id) AS expected
    FROM ledger_entries e JOIN bench_seed s USING (account_id, shard)
)
SELECT (SELECT count(*) FROM ledger_transfers WHERE kind = 'settlement'),
       (SELECT count(*) FROM per_row WHERE balance_fen = expected),
       (SELECT count(*) FROM per_row),
       (SELECT count(*) FROM (SELECT t.id FROM ledger_transfers t LEFT JOIN ledger_entries e ON e.transfer_id = t.id
                               GROUP BY t.id HAVING count(e.id) <> 2 OR COALESCE(sum(e.amount_fen), 0) <> 0) x),
       (SELECT sum(balance_fen) FROM ledger_balances),
       (SELECT count(*) FROM running WHERE balance_after_fen <> expected),
       (SELECT count(*) FROM ledger_balances WHERE account_id <> 'bank' AND balance_fen < 0);
