import { QueueName } from '@hst/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DomainEventJob, domainEventJobId } from '../jobs/domain-event.job';

/** Hands relayed outbox rows to BullMQ; the deterministic jobId drops a re-relay while the job still exists. */
@Injectable()
export class DomainEventQueue {
  constructor(@InjectQueue(QueueName.DomainEvents) private readonly queue: Queue<DomainEventJob>) {}

  /**
   * Hands events to BullMQ again: a job Redis lost is added anew, a job that failed for good is retried,
   * and a job that is still waiting, delayed or running is left alone.
   */
  async redeliver(eventIds: string[]): Promise<void> {
    for (const eventId of eventIds) {
      const job = await this.queue.getJob(domainEventJobId(eventId));
      const state = job ? await job.getState() : 'missing';
      if (state === 'failed') await job!.retry('failed');
      else if (state === 'completed' || state === 'missing' || state === 'unknown') {
        await job?.remove();
        await this.enqueue([eventId]);
      }
    }
  }

  async enqueue(eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.queue.addBulk(
      eventIds.map((eventId) => ({ name: 'event', data: { eventId }, opts: { jobId: domainEventJobId(eventId) } })),
    );
  }
}
