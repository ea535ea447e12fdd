-- Option A: chain position assigned inside the writing transaction under the chain-head row lock.
-- The lock is held from the SELECT ... FOR UPDATE until COMMIT (including the commit's WAL flush).
\set bid random(1, 10000)
\set uid random(1, 200)
\set amt random(1, 1000)
BEGIN;
UPDATE business_rows SET balance = balance + :amt, version = version + 1, updated_at = now() WHERE id = :bid;
SELECT seq AS head_seq, hash AS head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE \gset
INSERT INTO audit_events (id, seq, occurred_at, actor_user_id, actor_subject_id, actor_role, action, entity_type, entity_id, data, prev_hash, hash)
SELECT e.id, :head_seq + 1, e.occurred_at, e.u, e.u, 'member', 'business.update', 'business_row', ':bid', e.data, ':head_hash',
       audit_hash(':head_hash', :head_seq + 1, e.id, e.occurred_at, e.u, e.u, 'member', 'business.update', 'business_row', ':bid', e.data)
  FROM (SELECT gen_random_uuid() AS id, now() AS occurred_at,
               ('00000000-0000-4000-8000-' || lpad(':uid', 12, '0'))::uuid AS u,
               jsonb_build_object('amount', :amt, 'businessRowId', :bid) AS data) AS e
RETURNING hash AS new_hash \gset
UPDATE audit_chain_head SET seq = :head_seq + 1, hash = ':new_hash' WHERE id = 1;
COMMIT;
