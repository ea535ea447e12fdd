-- Before pgbench (a): funds escrow shard 0, the single hot row of the naive baseline, with 10^12 fen from the
-- bank's shard 0 — one deposit-like transfer with its two entries, so the books stay balanced and reconciled.
\set ON_ERROR_STOP on
BEGIN;
SELECT gen_random_uuid() AS t \gset
UPDATE ledger_balances SET balance_fen = balance_fen - 1000000000000 WHERE account_id = 'bank' AND shard = 0
RETURNING balance_fen AS bank_after \gset
UPDATE ledger_balances SET balance_fen = balance_fen + 1000000000000 WHERE account_id = 'escrow' AND shard = 0
RETURNING balance_fen AS escrow_after \gset
INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount_fen, kind, reference, created_at)
VALUES (:'t', 'bank', 'escrow', 1000000000000, 'deposit', 'bench-fund-naive', now());
INSERT INTO ledger_entries (transfer_id, account_id, shard, amount_fen, balance_after_fen, created_at)
VALUES (:'t', 'bank', 0, -1000000000000, :bank_after, now()), (:'t', 'escrow', 0, 1000000000000, :escrow_after, now());
COMMIT;
