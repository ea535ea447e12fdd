import { MetricsService } from '@hst/metrics';
import { QueueName } from '@hst/queue';
import { SettlementJob, SettlementService } from '@hst/trading';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { InstrumentedProcessor } from '../processors/instrumented-processor';
import { workerOptions } from '../processors/worker-options';
import { SettlementBatcher } from './settlement-batcher';

/** 'settle': one order at its settlement time (batched with its neighbours); 'sweep': every due order PostgreSQL knows of. */
@Processor(QueueName.Settlement, workerOptions(QueueName.Settlement))
export class SettlementProcessor extends InstrumentedProcessor {
  protected readonly queueName = QueueName.Settlement;

  constructor(
    private readonly settlement: SettlementService,
    private readonly batcher: SettlementBatcher,
    metrics: MetricsService,
  ) {
    super(metrics);
  }

  process(job: Job<SettlementJob>): Promise<string | number> {
    return 'orderId' in job.data ? this.batcher.settle(job.data.orderId) : this.settlement.settleDue();
  }
}
