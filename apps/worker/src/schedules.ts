import { AuditSequencer, registerAuditLagMetrics } from '@hst/audit';
import { Env } from '@hst/common';
import { MetricsService, registerQueueDepth } from '@hst/metrics';
import { JobSchedules, QueueName, registeredQueues } from '@hst/queue';
import { registerSettlementLagMetric } from '@hst/trading';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/** The worker's own recurring jobs (outbox relay, audit sequencer) and the metrics read at scrape time (every queue it serves). */
@Injectable()
export class Schedules implements OnModuleInit {
  constructor(
    @InjectQueue(QueueName.OutboxRelay) private readonly relay: Queue,
    @InjectQueue(QueueName.AuditSequencer) private readonly sequencer: Queue,
    private readonly schedules: JobSchedules,
    private readonly auditSequencer: AuditSequencer,
    private readonly metrics: MetricsService,
    private readonly config: ConfigService<Env, true>,
    private readonly moduleRef: ModuleRef,
    @InjectDataSource() private readonly dataSource: DataSource,
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
    registerQueueDepth(this.metrics, registeredQueues(this.moduleRef));
    registerAuditLagMetrics(this.metrics, this.auditSequencer);
    registerSettlementLagMetric(this.metrics, this.dataSource);
  }
}
