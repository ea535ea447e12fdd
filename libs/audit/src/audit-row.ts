import type { AuditActor, AuditEvent } from './audit-hash';

/** An audit_events row as read by raw SQL (bigints arrive as strings, timestamps as Date). */
export type AuditRow = {
  id: string;
  seq: string | null;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_subject_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  data: Record<string, unknown>;
  prev_hash: string | null;
  hash: string | null;
};

export const AUDIT_ROW_COLUMNS =
  'id, seq, occurred_at, actor_user_id, actor_subject_id, actor_role, action, entity_type, entity_id, data, prev_hash, hash';

function actorOf(row: AuditRow): AuditActor {
  const actor: AuditActor = {};
  if (row.actor_user_id) actor.userId = row.actor_user_id;
  if (row.actor_subject_id) actor.subjectId = row.actor_subject_id;
  if (row.actor_role) actor.role = row.actor_role;
  return actor;
}

/** The event as hashed: every field but `hash`, with the chain position given. */
export function unhashedEvent(row: AuditRow, seq: number, prevHash: string): Omit<AuditEvent, 'hash'> {
  return {
    seq,
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actor: actorOf(row),
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    data: row.data,
    prevHash,
  };
}

export function toAuditEvent(row: AuditRow): AuditEvent {
  return { ...unhashedEvent(row, Number(row.seq), row.prev_hash ?? ''), hash: row.hash ?? '' };
}
