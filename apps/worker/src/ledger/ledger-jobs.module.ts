import { Env } from '@hst/common';
import { LedgerModule, LedgerReconciliation } from '@hst/ledger';
import { MetricsService } from '@hst/metrics';
import { JobSchedules, QueueModule, QueueName } from '@hst/queue';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import { InstrumentedProcessor } from '../processors/instrumented-processor';
import { workerOptions } from '../processors/worker-options';

@Processor(QueueName.LedgerReconciliation, workerOptions(QueueName.LedgerReconciliation))
export class LedgerReconciliationProcessor extends InstrumentedProcessor {
  protected readonly queueName = QueueName.LedgerReconciliation;

  constructor(
    private readonly reconciliation: LedgerReconciliation,
    metrics: MetricsService,
  ) {
    super(metrics);
  }

  async process(): Promise<number> {
    return (await this.reconciliation.run()).length;
  }
}

@Injectable()
class ReconciliationSchedule implements OnModuleInit {
  constructor(
    @InjectQueue(QueueName.LedgerReconciliation) private readonly queue: Queue,
    private readonly schedules: JobSchedules,
    private readonly config: ConfigService<Env, true>,
  ) {}

  onModuleInit(): void {
    const every = this.config.get('LEDGER_RECONCILE_INTERVAL_MS', { infer: true });
    this.schedules.every(this.queue, 'ledger-reconciliation', every, 'reconcile');
  }
}

/** The ledger's jobs: the scheduled reconciliation. */
@Module({
  imports: [LedgerModule, QueueModule.register(QueueName.LedgerReconciliation)],
  providers: [LedgerReconciliationProcessor, ReconciliationSchedule],
})
export class LedgerJobsModule {}
