import { QueueName } from '@hst/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DomainEventJob, domainEventJobId } from '../jobs/domain-event.job';

/** Hands relayed outbox rows to BullMQ; the deterministic jobId drops a re-relay while the job still exists. */
@Injectable()
export class DomainEventQueue {
  constructor(@InjectQueue(QueueName.DomainEvents) private readonly queue: Queue<DomainEventJob>) {}

  async enqueue(eventIds: string[]): Promise<void> {
    await this.queue.addBulk(
      eventIds.map((eventId) => ({ name: 'event', data: { eventId }, opts: { jobId: domainEventJobId(eventId) } })),
    );
  }
}
