import { MetricsService } from '@hst/metrics';
import { QueueName } from '@hst/queue';
import { RegistrationNoticeJob, RegistrationService } from '@hst/registry';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { InstrumentedProcessor } from '../processors/instrumented-processor';
import { workerOptions } from '../processors/worker-options';

/** 'end': one registration's notice is due; 'sweep': end every due notice PostgreSQL knows of. */
@Processor(QueueName.RegistrationNotice, workerOptions(QueueName.RegistrationNotice))
export class RegistrationNoticeProcessor extends InstrumentedProcessor {
  protected readonly queueName = QueueName.RegistrationNotice;

  constructor(
    private readonly registrations: RegistrationService,
    metrics: MetricsService,
  ) {
    super(metrics);
  }

  async process(job: Job<RegistrationNoticeJob>): Promise<string | number> {
    if ('registrationId' in job.data) return this.registrations.endNotice(job.data.registrationId);
    return this.registrations.endDueNotices();
  }
}
