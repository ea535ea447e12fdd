import { MetricsService } from '@hst/metrics';
import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';

/** Base of every processor: job outcomes counted per queue, failures logged; handlers stay thin. */
export abstract class InstrumentedProcessor extends WorkerHost implements OnApplicationBootstrap {
  protected abstract readonly queueName: string;
  private readonly log = new Logger(this.constructor.name);

  constructor(protected readonly metrics: MetricsService) {
    super();
  }

  /** Workers are created with autorun off (worker-options.ts) and start taking jobs here. */
  onApplicationBootstrap(): void {
    this.worker.run().catch((error: Error) => this.log.error(`${this.queueName} worker stopped: ${error.message}`));
  }

  @OnWorkerEvent('completed')
  onCompleted(): void {
    this.metrics.jobOutcomes.inc({ queue: this.queueName, outcome: 'completed' });
  }

  /** The worker's own trouble (Redis lost mid-job, say): logged; the job itself is redelivered or swept. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.log.warn(`${this.queueName} worker: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.metrics.jobOutcomes.inc({ queue: this.queueName, outcome: 'failed' });
    this.log.warn(
      `${this.queueName} job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`,
    );
  }
}
