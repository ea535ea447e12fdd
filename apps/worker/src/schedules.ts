import { AuditSequencer, registerAuditLagMetrics } from '@hst/audit';
import { Env } from '@hst/common';
import { MetricsService, registerQueueDepth } from '@hst/metrics';
import { JobSchedules, QueueName } from '@hst/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';

/** The worker's own recurring jobs (outbox relay, audit sequencer) and the metrics read at scrape time. */
@Injectable()
export class Schedules implements OnModuleInit {
  constructor(
    @InjectQueue(QueueName.OutboxRelay) private readonly relay: Queue,
    @InjectQueue(QueueName.AuditSequencer) private readonly sequencer: Queue,
    @InjectQueue(QueueName.DomainEvents) private readonly domainEvents: Queue,
    private readonly schedules: JobSchedules,
    private readonly auditSequencer: AuditSequencer,
    private readonly metrics: MetricsService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  onModuleInit(): void {
    this.schedules.every(
      this.relay,
      'outbox-relay',
      this.config.get('OUTBOX_RELAY_INTERVAL_MS', { infer: true }),
      'relay',
    );
    this.schedules.every(
      this.sequencer,
      'audit-sequencer',
      this.config.get('AUDIT_SEQUENCER_INTERVAL_MS', { infer: true }),
      'sequence',
    );
    registerQueueDepth(this.metrics, [this.relay, this.sequencer, this.domainEvents]);
    registerAuditLagMetrics(this.metrics, this.auditSequencer);
  }
}
