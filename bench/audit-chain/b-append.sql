-- Option B: the writing transaction only appends the event with seq NULL; the sequencer chains it after commit.
\set bid random(1, 10000)
\set uid random(1, 200)
\set amt random(1, 1000)
BEGIN;
UPDATE business_rows SET balance = balance + :amt, version = version + 1, updated_at = now() WHERE id = :bid;
INSERT INTO audit_events (id, occurred_at, actor_user_id, actor_subject_id, actor_role, action, entity_type, entity_id, data)
VALUES (gen_random_uuid(), now(),
        ('00000000-0000-4000-8000-' || lpad(':uid', 12, '0'))::uuid, ('00000000-0000-4000-8000-' || lpad(':uid', 12, '0'))::uuid,
        'member', 'business.update', 'business_row', ':bid', jsonb_build_object('amount', :amt, 'businessRowId', :bid));
COMMIT;
