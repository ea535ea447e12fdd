import { Global, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';

type Schedule = { queue: Queue; id: string; everyMs: number; jobName: string };

/** How often the schedules are written again, so that a Redis that lost them gets them back. */
const REFRESH_MS = 60_000;

/**
 * The worker's recurring jobs (BullMQ job schedulers). Upserting is idempotent, so each is written at
 * start and again every minute: a Redis restarted empty, or failed over to a replica that lacked them,
 * has every schedule back within a minute instead of at the next deploy.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedules.name);
  private readonly schedules: Schedule[] = [];
  private timer?: NodeJS.Timeout;

  /** Called by the modules that own a recurring job, before the application bootstraps. */
  every(queue: Queue, id: string, everyMs: number, jobName: string): void {
    this.schedules.push({ queue, id, everyMs, jobName });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.upsertAll();
    this.timer = setInterval(() => {
      this.upsertAll().catch((error: Error) => this.logger.warn(`job schedules not refreshed: ${error.message}`));
    }, REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async upsertAll(): Promise<void> {
    for (const s of this.schedules) {
      await s.queue.upsertJobScheduler(
        s.id,
        { every: s.everyMs },
        { name: s.jobName, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
      );
    }
  }
}

@Global()
@Module({ providers: [JobSchedules], exports: [JobSchedules] })
export class JobSchedulesModule {}
