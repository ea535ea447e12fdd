import type { DomainEvent, DomainEventConsumer } from '@hst/outbox';
import { QueueName } from '@hst/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { SettlementJob, settlementJobId } from '../jobs/settlement.job';

/**
 * Turns the order events that set a settlement time (delivered: the end of the dispute window; confirmed;
 * a dispute resolved) into a delayed `settlement` job. Idempotent through the job id; if Redis loses the
 * job, the settlement sweep finds the order in PostgreSQL.
 */
@Injectable()
export class SettlementScheduler implements DomainEventConsumer {
  readonly name = 'trading-settlement-scheduler';
  readonly eventTypes = ['order.delivered', 'order.confirmed', 'order.dispute_resolved'];

  constructor(@InjectQueue(QueueName.Settlement) private readonly queue: Queue<SettlementJob>) {}

  async handle(event: DomainEvent): Promise<void> {
    const dueAt = typeof event.payload.settleDueAt === 'string' ? new Date(event.payload.settleDueAt) : undefined;
    if (!dueAt || Number.isNaN(dueAt.getTime())) return;
    await this.queue.add(
      'settle',
      { orderId: event.aggregateId },
      { jobId: settlementJobId(event.aggregateId, dueAt), delay: Math.max(0, dueAt.getTime() - Date.now()) },
    );
  }
}
