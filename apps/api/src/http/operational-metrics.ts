import { AuditSequencer, registerAuditLagMetrics } from '@hst/audit';
import { MetricsService, registerQueueDepth } from '@hst/metrics';
import { registeredQueues } from '@hst/queue';
import { registerSettlementLagMetric } from '@hst/trading';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The API's /metrics also shows the exchange's queues, settlement lag and audit sequencing lag, as the contract asks. */
@Injectable()
export class OperationalMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly sequencer: AuditSequencer,
    private readonly moduleRef: ModuleRef,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    registerQueueDepth(this.metrics, registeredQueues(this.moduleRef));
    registerAuditLagMetrics(this.metrics, this.sequencer);
    registerSettlementLagMetric(this.metrics, this.dataSource);
  }
}
