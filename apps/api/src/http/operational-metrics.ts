import { AuditSequencer, registerAuditLagMetrics } from '@hst/audit';
import { MetricsService, registerQueueDepth } from '@hst/metrics';
import { QueueName } from '@hst/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** The API's /metrics also shows the exchange's queues and audit sequencing lag, as the contract asks. */
@Injectable()
export class OperationalMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly sequencer: AuditSequencer,
    @InjectQueue(QueueName.DomainEvents) private readonly domainEvents: Queue,
  ) {}

  onModuleInit(): void {
    registerQueueDepth(this.metrics, [this.domainEvents]);
    registerAuditLagMetrics(this.metrics, this.sequencer);
  }
}
