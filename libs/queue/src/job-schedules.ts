import { Env } from '@hst/common';
import { Global, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';

type Schedule = { queue: Queue; id: string; everyMs: number; jobName: string };

/**
 * The worker's recurring jobs (BullMQ job schedulers). Upserting is idempotent, so each is written at
 * start, again whenever a queue's Redis connection comes back (a Redis restarted empty has them back at once),
 * and every JOB_SCHEDULES_REFRESH_MS (a minute by default) for what a reconnect does not show, such as a
 * failover to a replica that lacked them.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedules.name);
  private readonly schedules: Schedule[] = [];
  private timer?: NodeJS.Timeout;

  constructor(private readonly config: ConfigService<Env, true>) {}

  /** Called by the modules that own a recurring job, before the application bootstraps. */
  every(queue: Queue, id: string, everyMs: number, jobName: string): void {
    this.schedules.push({ queue, id, everyMs, jobName });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.upsertAll();
    // Connected by now: every later 'ready' is a reconnect.
    for (const queue of new Set(this.schedules.map((s) => s.queue))) {
      (await queue.client).on('ready', () => this.refresh());
    }
    this.timer = setInterval(() => this.refresh(), this.config.get('JOB_SCHEDULES_REFRESH_MS', { infer: true }));
    this.timer.unref();
  }

  private refresh(): void {
    this.upsertAll().catch((error: Error) => this.logger.warn(`job schedules not refreshed: ${error.message}`));
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
