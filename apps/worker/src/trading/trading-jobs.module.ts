import { Env } from '@hst/common';
import { JobSchedules, QueueModule, QueueName } from '@hst/queue';
import { PayoutScheduler, SettlementScheduler, TradingModule } from '@hst/trading';
import { DomainEventDispatcher, OutboxModule } from '@hst/outbox';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import { OrderPaymentTimeoutProcessor } from './order-payment-timeout.processor';
import { PayoutProcessor } from './payout.processor';
import { SettlementBatcher } from './settlement-batcher';
import { SettlementProcessor } from './settlement.processor';

/** PostgreSQL is the truth of every payment deadline: this sweep finds the ones whose delayed job Redis lost. */
@Injectable()
class PaymentTimeoutSweepSchedule implements OnModuleInit {
  constructor(
    @InjectQueue(QueueName.OrderPaymentTimeout) private readonly queue: Queue,
    private readonly schedules: JobSchedules,
    private readonly config: ConfigService<Env, true>,
  ) {}

  onModuleInit(): void {
    const every = this.config.get('TIMER_SWEEP_INTERVAL_MS', { infer: true });
    this.schedules.every(this.queue, 'order-payment-timeout-sweep', every, 'sweep');
  }
}

/** Settlement: the sweep under the delayed jobs, and the consumer that schedules them from order events. */
@Injectable()
class SettlementSchedule implements OnModuleInit {
  constructor(
    @InjectQueue(QueueName.Settlement) private readonly queue: Queue,
    private readonly schedules: JobSchedules,
    private readonly dispatcher: DomainEventDispatcher,
    private readonly scheduler: SettlementScheduler,
    private readonly config: ConfigService<Env, true>,
  ) {}

  async onModuleInit(): Promise<void> {
    const every = this.config.get('TIMER_SWEEP_INTERVAL_MS', { infer: true });
    this.schedules.every(this.queue, 'settlement-sweep', every, 'sweep');
    await this.dispatcher.register(this.scheduler);
  }
}

/** Payouts: the sweep under the payout jobs, and the consumer that enqueues them from withdrawal events. */
@Injectable()
class PayoutSchedule implements OnModuleInit {
  constructor(
    @InjectQueue(QueueName.Payouts) private readonly queue: Queue,
    private readonly schedules: JobSchedules,
    private readonly dispatcher: DomainEventDispatcher,
    private readonly scheduler: PayoutScheduler,
    private readonly config: ConfigService<Env, true>,
  ) {}

  async onModuleInit(): Promise<void> {
    const every = this.config.get('TIMER_SWEEP_INTERVAL_MS', { infer: true });
    this.schedules.every(this.queue, 'payout-sweep', every, 'sweep');
    await this.dispatcher.register(this.scheduler);
  }
}

/** Trading's jobs: payment timeouts, settlement, payouts, and the sweeps that find timers Redis lost. */
@Module({
  imports: [
    TradingModule,
    OutboxModule,
    QueueModule.register(QueueName.OrderPaymentTimeout, QueueName.Settlement, QueueName.Payouts),
  ],
  providers: [
    OrderPaymentTimeoutProcessor,
    PaymentTimeoutSweepSchedule,
    SettlementProcessor,
    SettlementBatcher,
    SettlementSchedule,
    PayoutProcessor,
    PayoutSchedule,
  ],
})
export class TradingJobsModule {}
