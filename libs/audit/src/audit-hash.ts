import { canonicalJson } from '@hst/common';
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditActor = { userId?: string; subjectId?: string; role?: string };

/** An audit event as published: the contract's shape. */
export type AuditEvent = {
  seq: number;
  id: string;
  occurredAt: string;
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
};

/** hash = sha256(prevHash ‖ canonical JSON of the event without hash). */
export function auditHash(event: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(event.prevHash).update(canonicalJson(event)).digest('hex');
}
