import { Env } from '@hst/common';
import { JobSchedules, QueueModule, QueueName } from '@hst/queue';
import { RegistryModule } from '@hst/registry';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import { RegistrationNoticeProcessor } from './registration-notice.processor';

/** PostgreSQL is the truth of every notice's end: this sweep finds the ones whose delayed job Redis lost. */
@Injectable()
class NoticeSweepSchedule implements OnModuleInit {
  constructor(
    @InjectQueue(QueueName.RegistrationNotice) private readonly queue: Queue,
    private readonly schedules: JobSchedules,
    private readonly config: ConfigService<Env, true>,
  ) {}

  onModuleInit(): void {
    const every = this.config.get('TIMER_SWEEP_INTERVAL_MS', { infer: true });
    this.schedules.every(this.queue, 'registration-notice-sweep', every, 'sweep');
  }
}

/** The registry's jobs: the end of each public notice, and the sweep that finds notices Redis lost. */
@Module({
  imports: [RegistryModule, QueueModule.register(QueueName.RegistrationNotice)],
  providers: [RegistrationNoticeProcessor, NoticeSweepSchedule],
})
export class RegistryJobsModule {}
