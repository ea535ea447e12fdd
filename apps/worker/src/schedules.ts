import { AuditSequencer, registerAuditLagMetrics } from '@hst/audit';
import { Env } from '@hst/common';
import { MetricsService, registerQueueDepth } from '@hst/metrics';
import { QueueName } from '@hst/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';

/**
 * The worker's recurring jobs (BullMQ job schedulers, one per name however many workers start) and
 * the metrics read at scrape time.
 */
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.OutboxRelay) private readonly relay: Queue,
    @InjectQueue(QueueName.AuditSequencer) private readonly sequencer: Queue,
    @InjectQueue(QueueName.DomainEvents) private readonly domainEvents: Queue,
    private readonly auditSequencer: AuditSequencer,
    private readonly metrics: MetricsService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.upsertJobScheduler(
      'outbox-relay',
      { every: this.config.get('OUTBOX_RELAY_INTERVAL_MS', { infer: true }) },
      { name: 'relay', opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    await this.sequencer.upsertJobScheduler(
      'audit-sequencer',
      { every: this.config.get('AUDIT_SEQUENCER_INTERVAL_MS', { infer: true }) },
      { name: 'sequence', opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    registerQueueDepth(this.metrics, [this.relay, this.sequencer, this.domainEvents]);
    registerAuditLagMetrics(this.metrics, this.auditSequencer);
  }
}
