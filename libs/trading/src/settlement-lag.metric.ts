import type { MetricsService } from '@hst/metrics';
import type { DataSource } from 'typeorm';
import { SETTLEMENT_DUE_WHERE } from './settlement';

/**
 * Settlement lag: how long the oldest due order has waited to be settled (0 when none waits). It grows when
 * the workers fall behind, fail, or lost jobs wait for the sweep.
 */
export function registerSettlementLagMetric(metrics: MetricsService, dataSource: DataSource): void {
  metrics.gauge(
    'hst_settlement_lag_seconds',
    'Age of the oldest order due for settlement and not settled',
    [],
    async (g) => {
      const [row] = await dataSource.query<{ lag: number }[]>(
        `SELECT coalesce(extract(epoch FROM now() - min(settle_due_at)), 0)::float8 AS lag
         FROM orders WHERE ${SETTLEMENT_DUE_WHERE}`,
      );
      g.set(row?.lag ?? 0);
    },
  );
}
