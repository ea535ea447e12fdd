import type { DomainEvent, DomainEventConsumer } from '@hst/outbox';
import { QueueName } from '@hst/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { PayoutJob, payoutJobId } from '../jobs/payout.job';

/**
 * Turns `withdrawal.requested` into a `payouts` job. Idempotent through the job id; if Redis loses the
 * job, the payout sweep finds the held withdrawal in PostgreSQL.
 */
@Injectable()
export class PayoutScheduler implements DomainEventConsumer {
  readonly name = 'trading-payout-scheduler';
  readonly eventTypes = ['withdrawal.requested'];

  constructor(@InjectQueue(QueueName.Payouts) private readonly queue: Queue<PayoutJob>) {}

  async handle(event: DomainEvent): Promise<void> {
    await this.queue.add('pay-out', { withdrawalId: event.aggregateId }, { jobId: payoutJobId(event.aggregateId) });
  }
}
