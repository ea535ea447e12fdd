-- Scratch schema for bench/audit-chain/run.sh: a plain-SQL copy of the audit tables of
-- libs/database/src/migrations (CreateFoundation + GuardAuditTrail), plus a stand-in business table.
-- Re-runnable: every scenario starts from an empty chain.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

DROP TABLE IF EXISTS audit_events, audit_chain_head, business_rows CASCADE;
DROP FUNCTION IF EXISTS audit_events_append_only() CASCADE;

CREATE TABLE audit_events (
  id uuid NOT NULL,
  arrival bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  seq bigint,
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_subject_id uuid,
  actor_role varchar(32),
  action varchar(100) NOT NULL,
  entity_type varchar(50) NOT NULL,
  entity_id varchar(100) NOT NULL,
  data jsonb NOT NULL,
  prev_hash char(64),
  hash char(64),
  CONSTRAINT chk_audit_events_chain_fields CHECK (
    (seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL)
  ),
  CONSTRAINT pk_audit_events PRIMARY KEY (id)
);
CREATE UNIQUE INDEX uq_audit_events_seq ON audit_events (seq);
CREATE INDEX idx_audit_events_unsequenced ON audit_events (arrival) WHERE seq IS NULL;
CREATE INDEX idx_audit_events_occurred_at ON audit_events (occurred_at);
CREATE INDEX idx_audit_events_actor_subject_id ON audit_events (actor_subject_id);
CREATE INDEX idx_audit_events_action ON audit_events (action);
CREATE INDEX idx_audit_events_entity ON audit_events (entity_type, entity_id);

CREATE TABLE audit_chain_head (
  id smallint NOT NULL,
  seq bigint NOT NULL,
  hash char(64) NOT NULL,
  CONSTRAINT chk_audit_chain_head_single_row CHECK (id = 1),
  CONSTRAINT pk_audit_chain_head PRIMARY KEY (id)
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

-- Same append-only guard as the GuardAuditTrail migration: one UPDATE (NULL seq -> chain position), nothing else.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
     AND (NEW.id, NEW.arrival, NEW.occurred_at, NEW.actor_user_id, NEW.actor_subject_id, NEW.actor_role,
          NEW.action, NEW.entity_type, NEW.entity_id, NEW.data)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.arrival, OLD.occurred_at, OLD.actor_user_id, OLD.actor_subject_id, OLD.actor_role,
          OLD.action, OLD.entity_type, OLD.entity_id, OLD.data)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER trg_audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER trg_audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- The change being audited.
CREATE TABLE business_rows (
  id int PRIMARY KEY,
  balance bigint NOT NULL DEFAULT 0,
  version int NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO business_rows (id) SELECT g FROM generate_series(1, 10000) g;

-- hash = sha256(prevHash || JSON of the event without hash), in SQL (builtin sha256(), no pgcrypto).
-- jsonb::text is not the application's canonicalJson byte for byte (key order differs), but it hashes
-- the same fields at the same size, which is what matters for cost. Used by script A and the sequencer.
CREATE OR REPLACE FUNCTION audit_hash(
  p_prev text, p_seq bigint, p_id uuid, p_occurred_at timestamptz, p_user uuid, p_subject uuid, p_role text,
  p_action text, p_entity_type text, p_entity_id text, p_data jsonb
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(p_prev || jsonb_build_object(
    'seq', p_seq,
    'id', p_id,
    'occurredAt', to_char(p_occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'actor', jsonb_strip_nulls(jsonb_build_object('userId', p_user, 'subjectId', p_subject, 'role', p_role)),
    'action', p_action,
    'entityType', p_entity_type,
    'entityId', p_entity_id,
    'data', p_data,
    'prevHash', p_prev)::text, 'UTF8')), 'hex')
$$;

-- One sequencer batch, as AuditSequencer.sequenceBatch does it: lock the head, take committed
-- unsequenced events in arrival order (partial index), chain them, write back with one UPDATE ... FROM unnest.
CREATE OR REPLACE FUNCTION audit_sequence_batch(p_limit int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  v_seq bigint;
  v_prev text;
  v_hash text;
  r record;
  ids uuid[] := '{}';
  seqs bigint[] := '{}';
  prevs text[] := '{}';
  hashes text[] := '{}';
  n int := 0;
BEGIN
  SELECT seq, hash INTO v_seq, v_prev FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  IF NOT FOUND THEN RAISE EXCEPTION 'audit_chain_head is missing'; END IF;
  FOR r IN
    SELECT id, occurred_at, actor_user_id, actor_subject_id, actor_role, action, entity_type, entity_id, data
      FROM audit_events WHERE seq IS NULL ORDER BY arrival LIMIT p_limit
  LOOP
    v_seq := v_seq + 1;
    v_hash := audit_hash(v_prev, v_seq, r.id, r.occurred_at, r.actor_user_id, r.actor_subject_id, r.actor_role,
                         r.action, r.entity_type, r.entity_id, r.data);
    ids := ids || r.id;
    seqs := seqs || v_seq;
    prevs := prevs || v_prev;
    hashes := hashes || v_hash;
    v_prev := v_hash;
    n := n + 1;
  END LOOP;
  IF n = 0 THEN RETURN 0; END IF;
  UPDATE audit_events AS e SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
    FROM unnest(ids, seqs, prevs, hashes) AS v(id, seq, prev_hash, hash)
   WHERE e.id = v.id;
  UPDATE audit_chain_head SET seq = v_seq, hash = v_prev WHERE id = 1;
  RETURN n;
END
$$;

-- AuditSequencer.sequencePending: batches of 1000, one transaction each, until a short batch.
CREATE OR REPLACE PROCEDURE audit_sequence_pending(INOUT total bigint DEFAULT 0) LANGUAGE plpgsql AS $$
DECLARE n int;
BEGIN
  total := 0;
  LOOP
    n := audit_sequence_batch(1000);
    COMMIT;
    total := total + n;
    EXIT WHEN n < 1000;
  END LOOP;
END
$$;

VACUUM ANALYZE;
CHECKPOINT;
