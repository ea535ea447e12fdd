import { QueueName } from '@hst/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { OrderPaymentTimeoutJob } from '../jobs/order-payment-timeout.job';

/**
 * Schedules an order's payment deadline as a delayed job whose id names the order (one per order).
 * If Redis is unreachable the order is still cancelled: the worker's sweep reads overdue orders from
 * PostgreSQL.
 */
@Injectable()
export class OrderTimeoutQueue {
  private readonly logger = new Logger(OrderTimeoutQueue.name);

  constructor(@InjectQueue(QueueName.OrderPaymentTimeout) private readonly queue: Queue<OrderPaymentTimeoutJob>) {}

  async schedule(orderId: string, dueAt: Date): Promise<void> {
    try {
      await this.queue.add(
        'cancel',
        { orderId },
        { jobId: `order-timeout-${orderId}`, delay: Math.max(0, dueAt.getTime() - Date.now()) },
      );
    } catch (error) {
      this.logger.warn(
        `payment timeout of ${orderId} not scheduled (${(error as Error).message}); the sweep will run it`,
      );
    }
  }
}
