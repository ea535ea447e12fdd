import { MetricsService } from '@hst/metrics';
import { QueueName } from '@hst/queue';
import { SettlementJob, SettlementService } from '@hst/trading';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { InstrumentedProcessor } from '../processors/instrumented-processor';
import { workerOptions } from '../processors/worker-options';

/** 'settle': one order at its settlement time; 'sweep': every due order PostgreSQL knows of. */
@Processor(QueueName.Settlement, workerOptions(QueueName.Settlement))
export class SettlementProcessor extends InstrumentedProcessor {
  protected readonly queueName = QueueName.Settlement;

  constructor(
    private readonly settlement: SettlementService,
    metrics: MetricsService,
  ) {
    super(metrics);
  }

  process(job: Job<SettlementJob>): Promise<string | number> {
    return 'orderId' in job.data ? this.settlement.settle(job.data.orderId) : this.settlement.settleDue();
  }
}
