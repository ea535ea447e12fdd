import { QueueName } from '@hst/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { RegistrationNoticeJob } from '../jobs/registration-notice.job';

/**
 * Schedules the end of a public notice as a delayed BullMQ job. The job id names the registration and
 * the end time, so re-scheduling the same end is a no-op and a dismissed objection's new end is a new
 * job; a stale job finds nothing to do. If Redis is unreachable the notice still ends: the worker's
 * sweep reads due notices from PostgreSQL.
 */
@Injectable()
export class RegistrationNoticeQueue {
  private readonly logger = new Logger(RegistrationNoticeQueue.name);

  constructor(@InjectQueue(QueueName.RegistrationNotice) private readonly queue: Queue<RegistrationNoticeJob>) {}

  async schedule(registrationId: string, endsAt: Date): Promise<void> {
    try {
      await this.queue.add(
        'end',
        { registrationId },
        { jobId: `notice-${registrationId}-${endsAt.getTime()}`, delay: Math.max(0, endsAt.getTime() - Date.now()) },
      );
    } catch (error) {
      this.logger.warn(
        `notice end of ${registrationId} not scheduled (${(error as Error).message}); the sweep will end it`,
      );
    }
  }
}
