import type { Queue } from 'bullmq';
import type { MetricsService } from './metrics.service';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** Exports the depth of each queue by state, read from Redis at scrape time. */
export function registerQueueDepth(metrics: MetricsService, queues: Queue[]): void {
  metrics.gauge('hst_queue_jobs', 'Jobs in each queue by state', ['queue', 'state'], async (g) => {
    g.reset();
    for (const queue of queues) {
      const counts = await queue.getJobCounts(...STATES).catch(() => undefined);
      for (const state of STATES) {
        if (counts) g.set({ queue: queue.name, state }, counts[state] ?? 0);
      }
    }
  });
}
