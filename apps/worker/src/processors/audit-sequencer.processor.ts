import { AuditSequencer } from '@hst/audit';
import { MetricsService } from '@hst/metrics';
import { QueueName } from '@hst/queue';
import { Processor } from '@nestjs/bullmq';
import { InstrumentedProcessor } from './instrumented-processor';
import { workerOptions } from './worker-options';

@Processor(QueueName.AuditSequencer, workerOptions(QueueName.AuditSequencer))
export class AuditSequencerProcessor extends InstrumentedProcessor {
  protected readonly queueName = QueueName.AuditSequencer;

  constructor(
    private readonly sequencer: AuditSequencer,
    metrics: MetricsService,
  ) {
    super(metrics);
  }

  process(): Promise<number> {
    return this.sequencer.sequencePending();
  }
}
