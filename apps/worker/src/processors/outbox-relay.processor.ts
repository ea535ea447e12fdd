import { MetricsService } from '@hst/metrics';
import { OutboxRelay } from '@hst/outbox';
import { QueueName } from '@hst/queue';
import { Processor } from '@nestjs/bullmq';
import { InstrumentedProcessor } from './instrumented-processor';
import { workerOptions } from './worker-options';

@Processor(QueueName.OutboxRelay, workerOptions(QueueName.OutboxRelay))
export class OutboxRelayProcessor extends InstrumentedProcessor {
  protected readonly queueName = QueueName.OutboxRelay;

  constructor(
    private readonly relay: OutboxRelay,
    metrics: MetricsService,
  ) {
    super(metrics);
  }

  process(): Promise<number> {
    return this.relay.relayPending();
  }
}
