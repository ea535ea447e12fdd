import { MetricsService } from '@hst/metrics';
import { QueueName } from '@hst/queue';
import { IdempotencyService, OrderPaymentTimeoutJob, OrdersService } from '@hst/trading';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { InstrumentedProcessor } from '../processors/instrumented-processor';
import { workerOptions } from '../processors/worker-options';

/** 'cancel': one order's payment deadline; 'sweep': every overdue order PostgreSQL knows of, and expired keys. */
@Processor(QueueName.OrderPaymentTimeout, workerOptions(QueueName.OrderPaymentTimeout))
export class OrderPaymentTimeoutProcessor extends InstrumentedProcessor {
  protected readonly queueName = QueueName.OrderPaymentTimeout;

  constructor(
    private readonly orders: OrdersService,
    private readonly idempotency: IdempotencyService,
    metrics: MetricsService,
  ) {
    super(metrics);
  }

  async process(job: Job<OrderPaymentTimeoutJob>): Promise<string | number> {
    if ('orderId' in job.data) return this.orders.expire(job.data.orderId);
    const cancelled = await this.orders.expireOverdue();
    await this.idempotency.purgeExpired();
    return cancelled;
  }
}
