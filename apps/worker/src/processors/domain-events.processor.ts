import { MetricsService } from '@hst/metrics';
import { DomainEventDispatcher, DomainEventJob } from '@hst/outbox';
import { QueueName } from '@hst/queue';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { InstrumentedProcessor } from './instrumented-processor';
import { workerOptions } from './worker-options';

@Processor(QueueName.DomainEvents, workerOptions(QueueName.DomainEvents))
export class DomainEventsProcessor extends InstrumentedProcessor {
  protected readonly queueName = QueueName.DomainEvents;

  constructor(
    private readonly dispatcher: DomainEventDispatcher,
    metrics: MetricsService,
  ) {
    super(metrics);
  }

  process(job: Job<DomainEventJob>): Promise<void> {
    return this.dispatcher.dispatch(job.data.eventId);
  }
}
