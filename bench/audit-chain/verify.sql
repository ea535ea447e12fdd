-- Chain check after a scenario. One line: events|sequenced|gapless|links_ok|hashes_ok|head_ok
WITH chained AS (
  SELECT seq, prev_hash, hash, lag(hash) OVER (ORDER BY seq) AS before,
         audit_hash(prev_hash, seq, id, occurred_at, actor_user_id, actor_subject_id, actor_role,
                    action, entity_type, entity_id, data) AS recomputed
    FROM audit_events WHERE seq IS NOT NULL
)
SELECT (SELECT count(*) FROM audit_events),
       count(*),
       coalesce(max(seq), 0) = count(*) AND coalesce(min(seq), 1) = 1,
       bool_and(prev_hash = coalesce(before, repeat('0', 64))) IS NOT FALSE,
       bool_and(hash = recomputed) IS NOT FALSE,
       (SELECT h.seq = coalesce(max(c.seq), 0)
               AND h.hash = coalesce((SELECT c2.hash FROM chained c2 ORDER BY c2.seq DESC LIMIT 1), repeat('0', 64))
          FROM audit_chain_head h)
  FROM chained c;
