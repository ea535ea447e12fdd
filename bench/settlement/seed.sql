-- Seeds :orders orders that are `delivered` and due (settle_due_at an hour ago), on a database migrated to head,
-- with everything their foreign keys and CHECKs need: :vendors vendors with one listed product each, :buyers
-- buyers, and per order an approved license application and an active license. Subject ids are
-- md5('vendor-' || n)::uuid and md5('buyer-' || n)::uuid, as in bench/ledger-hot-accounts.
--
-- The money is already in escrow, in consistent ledger rows: each buyer deposited (bank -> wallet) the sum of
-- its orders, then paid each order (wallet -> escrow, kind payment, keyed by the order), so the escrow shard
-- shardOf('escrow', orderId) holds the order's amount; balances equal their entries and the books sum to 0.
-- The shard is computed as libs/ledger/src/shard.ts does: sha256 of the key, first 4 bytes big-endian
-- unsigned, mod 16 (run.sh checks a sample against the TypeScript function).
-- Fees: platform_fee_bps 300 (3 %), no public data authorization, so a settlement is two transfers:
-- escrow -> vendor wallet (amount - fee) and escrow -> platform_fee (fee).
\set ON_ERROR_STOP on
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.shard_of(key text, shards int) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT ((get_byte(h, 0)::bigint << 24 | get_byte(h, 1)::bigint << 16 | get_byte(h, 2)::bigint << 8
           | get_byte(h, 3)::bigint) % shards)::int
    FROM (SELECT sha256(convert_to(key, 'UTF8')) AS h) x
$$;

INSERT INTO subjects (id, name, uscc, kind, roles, status, payout_account, created_at, updated_at)
SELECT md5('vendor-' || n)::uuid, '基准卖方 ' || n, 'BENCHV' || lpad(n::text, 12, '0'), 'enterprise', '{vendor}'::text[], 'active',
       '6222000000000000' || n, now() - interval '30 days', now() - interval '30 days'
  FROM generate_series(1, :vendors) AS n
UNION ALL
SELECT md5('buyer-' || n)::uuid, '基准买方 ' || n, 'BENCHB' || lpad(n::text, 12, '0'), 'enterprise', '{buyer}'::text[], 'active',
       NULL, now() - interval '30 days', now() - interval '30 days'
  FROM generate_series(1, :buyers) AS n;

INSERT INTO products (id, vendor_id, title, summary, description, category, tags, source_type, delivery_mode,
                      update_frequency, pricing_model, price_fen, cert_no, policy, status, listed_at)
SELECT md5('product-' || n)::uuid, md5('vendor-' || n)::uuid, '结算基准数据产品 ' || n, 'settlement benchmark',
       'settlement benchmark product', '交通出行', '{bench}', 'enterprise', 'file', 'static', 'one_time', 100000,
       'BENCH-' || n, '{"purposes": ["研究"]}', 'listed', now() - interval '30 days'
  FROM generate_series(1, :vendors) AS n;

CREATE TEMP TABLE seed_orders AS
SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS application_id, gen_random_uuid() AS license_id,
       gen_random_uuid() AS payment_id, 1 + n % :vendors AS v, 1 + (n / 7) % :buyers AS b,
       1000 + (n::bigint * 104729) % 999001 AS amount
  FROM generate_series(1, :orders) AS n;
ALTER TABLE seed_orders ADD fee bigint, ADD escrow_shard int;
UPDATE seed_orders SET fee = amount * 300 / 10000, escrow_shard = pg_temp.shard_of(id::text, 16);

INSERT INTO license_applications (id, product_id, buyer_id, vendor_id, purpose, purpose_detail, term_days, amount_fen,
                                  status, order_id, policy, decided_at, created_at, updated_at)
SELECT application_id, md5('product-' || v)::uuid, md5('buyer-' || b)::uuid, md5('vendor-' || v)::uuid, '研究',
       'settlement benchmark', 365, amount, 'approved', id, '{"purposes": ["研究"]}', now() - interval '9 days',
       now() - interval '10 days', now() - interval '9 days'
  FROM seed_orders;

INSERT INTO licenses (id, application_id, order_id, product_id, buyer_id, vendor_id, purpose, valid_from, valid_until,
                      status, policy, created_at, updated_at)
SELECT license_id, application_id, id, md5('product-' || v)::uuid, md5('buyer-' || b)::uuid, md5('vendor-' || v)::uuid,
       '研究', now() - interval '8 days', now() + interval '357 days', 'active', '{"purposes": ["研究"]}',
       now() - interval '8 days', now() - interval '8 days'
  FROM seed_orders;

INSERT INTO orders (id, order_no, buyer_id, vendor_id, product_id, license_application_id, license_id, amount_fen,
                    platform_fee_fen, authority_share_fen, refund_fen, status, payment_due_at, paid_at, delivered_at,
                    platform_fee_bps, authority_share_bps, settle_due_at, created_at, updated_at)
SELECT id, 'B' || lpad(n::text, 16, '0'), md5('buyer-' || b)::uuid, md5('vendor-' || v)::uuid, md5('product-' || v)::uuid,
       application_id, license_id, amount, fee, 0, 0, 'delivered', now() - interval '9 days' + interval '30 minutes',
       now() - interval '8 days 23 hours', now() - interval '8 days', 300, 0,
       now() - interval '1 hour' - n * interval '1 millisecond', now() - interval '9 days', now() - interval '8 days'
  FROM seed_orders;

-- Ledger: wallets of every subject, then each buyer's deposit and each order's payment, with their entries.
INSERT INTO ledger_accounts (id, subject_id, shards, created_at)
SELECT 'wallet:' || id, id, 1, now() - interval '30 days' FROM subjects WHERE uscc LIKE 'BENCH%';
INSERT INTO ledger_balances (account_id, shard, balance_fen, non_negative)
SELECT 'wallet:' || id, 0, 0, true FROM subjects WHERE uscc LIKE 'BENCH%';

CREATE TEMP TABLE seed_transfers AS
SELECT gen_random_uuid() AS id, 'bank'::varchar AS debit, 'wallet:' || md5('buyer-' || b)::uuid AS credit,
       sum(amount) AS amount, 'deposit'::varchar AS kind, NULL::uuid AS order_id, 'bench-seed-' || b AS reference,
       now() - interval '9 days' AS at, NULL::int AS debit_shard, 0 AS credit_shard
  FROM seed_orders GROUP BY b;
UPDATE seed_transfers SET debit_shard = pg_temp.shard_of(id::text, 16); -- a deposit is keyed by its transfer id
INSERT INTO seed_transfers
SELECT payment_id, 'wallet:' || md5('buyer-' || b)::uuid, 'escrow', amount, 'payment', id, NULL,
       now() - interval '8 days 23 hours', 0, escrow_shard
  FROM seed_orders;

INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount_fen, kind, order_id, reference, created_at)
SELECT id, debit, credit, amount, kind, order_id, reference, at FROM seed_transfers ORDER BY at, id;
-- balance_after_fen: the running balance of its row, in entry (insertion) order; the journal is append-only.
INSERT INTO ledger_entries (transfer_id, account_id, shard, amount_fen, balance_after_fen, created_at)
SELECT transfer_id, account_id, shard, amount_fen,
       sum(amount_fen) OVER (PARTITION BY account_id, shard ORDER BY at, transfer_id, leg), at
  FROM (SELECT t.id AS transfer_id, l.account_id, l.shard, l.amount_fen, t.at, l.leg
          FROM seed_transfers t,
               LATERAL (VALUES (1, t.debit, t.debit_shard, -t.amount), (2, t.credit, t.credit_shard, t.amount))
                 AS l(leg, account_id, shard, amount_fen)) e
 ORDER BY at, transfer_id, leg;
UPDATE ledger_balances b SET balance_fen = s.total
  FROM (SELECT account_id, shard, sum(amount_fen) AS total FROM ledger_entries GROUP BY account_id, shard) s
 WHERE b.account_id = s.account_id AND b.shard = s.shard;

ANALYZE;
