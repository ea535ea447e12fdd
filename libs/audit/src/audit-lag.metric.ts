import type { MetricsService } from '@hst/metrics';
import type { AuditSequencer } from './services/audit-sequencer.service';

/** Exports how far the audit sequencer is behind: read from the database at scrape time. */
export function registerAuditLagMetrics(metrics: MetricsService, sequencer: AuditSequencer): void {
  metrics.gauge('hst_audit_sequencing_lag_seconds', 'Age of the oldest unsequenced audit event', [], async (g) => {
    g.set((await sequencer.lag()).oldestPendingSeconds);
  });
  metrics.gauge('hst_audit_unsequenced_events', 'Committed audit events not yet in the chain', [], async (g) => {
    g.set((await sequencer.lag()).pending);
  });
}
