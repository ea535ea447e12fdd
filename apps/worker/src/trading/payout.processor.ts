import { MetricsService } from '@hst/metrics';
import { QueueName } from '@hst/queue';
import { PayoutJob, WithdrawalsService } from '@hst/trading';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { InstrumentedProcessor } from '../processors/instrumented-processor';
import { workerOptions } from '../processors/worker-options';

/** 'pay-out': one held withdrawal to the bank (or back to the wallet); 'sweep': every one held over a minute. */
@Processor(QueueName.Payouts, workerOptions(QueueName.Payouts))
export class PayoutProcessor extends InstrumentedProcessor {
  protected readonly queueName = QueueName.Payouts;

  constructor(
    private readonly withdrawals: WithdrawalsService,
    metrics: MetricsService,
  ) {
    super(metrics);
  }

  process(job: Job<PayoutJob>): Promise<string | number> {
    return 'withdrawalId' in job.data ? this.withdrawals.payOut(job.data.withdrawalId) : this.withdrawals.payOutDue();
  }
}
