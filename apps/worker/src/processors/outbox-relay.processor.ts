import { Env } from '@hst/common';
import { MetricsService } from '@hst/metrics';
import { OutboxRelay } from '@hst/outbox';
import { QueueName } from '@hst/queue';
import { Processor } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import { InstrumentedProcessor } from './instrumented-processor';
import { workerOptions } from './worker-options';

@Processor(QueueName.OutboxRelay, workerOptions(QueueName.OutboxRelay))
export class OutboxRelayProcessor extends InstrumentedProcessor {
  protected readonly queueName = QueueName.OutboxRelay;

  private readonly redeliverAfterSeconds: number;

  constructor(
    private readonly relay: OutboxRelay,
    metrics: MetricsService,
    config: ConfigService<Env, true>,
  ) {
    super(metrics);
    this.redeliverAfterSeconds = config.get('OUTBOX_REDELIVERY_AFTER_SECONDS', { infer: true });
  }

  async process(): Promise<number> {
    const relayed = await this.relay.relayPending();
    return relayed + (await this.relay.redeliverStale(this.redeliverAfterSeconds));
  }
}
