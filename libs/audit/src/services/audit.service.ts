import type { Actor } from '@hst/common';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuditActor } from '../audit-hash';
import { AuditEventEntity } from '../entities/audit-event.entity';

export type AuditRecord = {
  /** null for work the exchange does by itself. */
  actor: AuditActor | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
};

/** The audit actor of a user acting for a subject, with the role that allowed the action. */
export function auditActorOf(actor: Actor, role?: string): AuditActor {
  return { userId: actor.userId, subjectId: actor.subjectId, role: role ?? actor.roles[0] };
}

@Injectable()
export class AuditService {
  /**
   * Appends an event in the caller's transaction: it commits or rolls back with the change it records.
   * Its chain position is assigned after commit by the AuditSequencer.
   */
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await this.recordMany(manager, [record]);
  }

  /** Appends several events with one statement (batched work, e.g. settling many orders at once). */
  async recordMany(manager: EntityManager, records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    const occurredAt = new Date();
    await manager.insert(
      AuditEventEntity,
      records.map((record) => ({
        id: randomUUID(),
        occurredAt,
        actorUserId: record.actor?.userId ?? null,
        actorSubjectId: record.actor?.subjectId ?? null,
        actorRole: record.actor?.role ?? null,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId,
        data: (record.data ?? {}) as QueryDeepPartialEntity<AuditEventEntity['data']>,
      })),
    );
  }
}
