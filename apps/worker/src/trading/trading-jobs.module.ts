import { Env } from '@hst/common';
import { JobSchedules, QueueModule, QueueName } from '@hst/queue';
import { TradingModule } from '@hst/trading';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import { OrderPaymentTimeoutProcessor } from './order-payment-timeout.processor';

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

/** Trading's jobs: payment timeouts, settlement, payouts, and the sweeps that find timers Redis lost. */
@Module({
  imports: [TradingModule, QueueModule.register(QueueName.OrderPaymentTimeout)],
  providers: [OrderPaymentTimeoutProcessor, PaymentTimeoutSweepSchedule],
})
export class TradingJobsModule {}
