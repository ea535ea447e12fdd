import { Actor, defineStateMachine, newestFirstPage, nextState, NotFoundError, Page } from '@hst/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AlertResponse, AlertsQuery } from '../dto/alerts.dto';
import { AlertEntity, AlertRule, AlertSeverity } from '../entities/alert.entity';
import { auditActorOf, AuditService } from './audit.service';

export type NewAlert = {
  rule: AlertRule;
  severity: AlertSeverity;
  subjectId?: string;
  entityType: string;
  entityId: string;
  details: Record<string, unknown>;
};

const ALERT_MACHINE = defineStateMachine<'open' | 'acknowledged', 'acknowledge'>('alert', {
  acknowledge: { from: ['open'], to: 'acknowledged' },
});

const toResponse = (a: AlertEntity): AlertResponse => ({
  id: a.id,
  rule: a.rule,
  severity: a.severity,
  subjectId: a.subjectId,
  entityType: a.entityType,
  entityId: a.entityId,
  details: a.details,
  status: a.status,
  createdAt: a.createdAt.toISOString(),
});

/** Monitoring alerts for regulators. Raising is idempotent: one open alert per rule and entity. */
@Injectable()
export class AlertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Raises the alert unless one is already open for the same rule and entity; true when it was raised. */
  async raise(manager: EntityManager, alert: NewAlert): Promise<boolean> {
    const inserted = await manager.query<{ id: string }[]>(
      `INSERT INTO alerts (rule, severity, subject_id, entity_type, entity_id, details, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'open')
       ON CONFLICT (rule, entity_type, entity_id) WHERE status = 'open' DO NOTHING
       RETURNING id`,
      [alert.rule, alert.severity, alert.subjectId ?? null, alert.entityType, alert.entityId, alert.details],
    );
    const id = inserted[0]?.id;
    if (id === undefined) return false;
    await this.audit.record(manager, {
      actor: null,
      action: 'alert.raised',
      entityType: 'alert',
      entityId: id,
      data: { rule: alert.rule, entityType: alert.entityType, entityId: alert.entityId },
    });
    return true;
  }

  async list(query: AlertsQuery): Promise<Page<AlertResponse>> {
    const qb = this.dataSource.getRepository(AlertEntity).createQueryBuilder('a');
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.rule) qb.andWhere('a.rule = :rule', { rule: query.rule });
    return newestFirstPage(qb, query, { column: 'created_at', of: (a) => a.createdAt }, toResponse);
  }

  async acknowledge(actor: Actor, id: string): Promise<AlertResponse> {
    return this.dataSource.transaction(async (manager) => {
      const alert = await manager.findOne(AlertEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!alert) throw new NotFoundError('alert', id);
      alert.status = nextState(ALERT_MACHINE, alert.status, 'acknowledge');
      alert.acknowledgedAt = new Date();
      alert.acknowledgedBy = actor.userId;
      await manager.save(alert);
      await this.audit.record(manager, {
        actor: auditActorOf(actor, 'regulator'),
        action: 'alert.acknowledged',
        entityType: 'alert',
        entityId: id,
        data: { rule: alert.rule },
      });
      return toResponse(alert);
    });
  }
}
