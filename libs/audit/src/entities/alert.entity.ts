import { KEYSET_TIME_PRECISION } from '@hst/common';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ALERT_RULES = [
  'large_transaction',
  'self_dealing',
  'quota_abuse',
  'rapid_repeat_orders',
  'audit_chain_broken',
  'ledger_mismatch',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];
export type AlertSeverity = 'info' | 'warning' | 'critical';

/** A monitoring alert for regulators (监管预警). One open alert per rule and entity. */
@Entity('alerts')
@Check('CHK_alerts_status', `"status" IN ('open', 'acknowledged')`)
@Check('CHK_alerts_severity', `"severity" IN ('info', 'warning', 'critical')`)
@Index('UQ_alerts_open_per_entity', ['rule', 'entityType', 'entityId'], { unique: true, where: `"status" = 'open'` })
@Index('IDX_alerts_created_at', ['createdAt'])
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  rule: AlertRule;

  @Column({ type: 'varchar', length: 16 })
  severity: AlertSeverity;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'varchar', length: 50 })
  entityType: string;

  @Column({ type: 'varchar', length: 100 })
  entityId: string;

  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16 })
  status: 'open' | 'acknowledged';

  @CreateDateColumn({ type: 'timestamptz', precision: KEYSET_TIME_PRECISION })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedBy: string | null;
}
