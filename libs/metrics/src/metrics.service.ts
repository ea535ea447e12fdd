import { Injectable, Logger } from '@nestjs/common';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The process's Prometheus registry and the metrics every app shares. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly logger = new Logger(MetricsService.name);

  readonly httpDuration = new Histogram({
    name: 'hst_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly jobOutcomes = new Counter({
    name: 'hst_queue_jobs_total',
    help: 'Jobs finished by queue and outcome (completed, failed)',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'hst_' });
  }

  /**
   * A gauge whose value is read when Prometheus scrapes (queue depth, lags). A read that fails (the database
   * down, say) does not fail the whole scrape, whose other metrics matter most exactly then: the gauge shows
   * no labelled samples, or NaN (unknown, not 0) when it has no labels.
   */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    collect: (g: Gauge<L>) => Promise<void>,
  ) {
    const logger = this.logger;
    return new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        try {
          await collect(this);
        } catch (error) {
          this.reset();
          if (labelNames.length === 0) this.set(NaN);
          logger.warn(`${name} not collected: ${(error as Error).message}`);
        }
      },
    });
  }

  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
