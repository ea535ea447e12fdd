import { AuditModule } from '@hst/audit';
import { configModule, Env } from '@hst/common';
import { DatabaseModule } from '@hst/database';
import { MetricsController, MetricsModule } from '@hst/metrics';
import { OutboxModule } from '@hst/outbox';
import { JobSchedulesModule, QueueModule, QueueName, RedisModule } from '@hst/queue';
import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { CatalogJobsModule } from './catalog/catalog-jobs.module';
import { LedgerJobsModule } from './ledger/ledger-jobs.module';
import { AuditSequencerProcessor } from './processors/audit-sequencer.processor';
import { DomainEventsProcessor } from './processors/domain-events.processor';
import { OutboxRelayProcessor } from './processors/outbox-relay.processor';
import { configureWorkerTimings } from './processors/worker-options';
import { RegistryJobsModule } from './registry/registry-jobs.module';
import { Schedules } from './schedules';
import { TradingJobsModule } from './trading/trading-jobs.module';
import { WorkerHealthController } from './worker-health.controller';

/** The queue worker: processors only, plus health and metrics on WORKER_PORT. */
@Module({})
export class WorkerModule {
  static forRoot(env: Env): DynamicModule {
    configureWorkerTimings(env);
    return {
      module: WorkerModule,
      imports: [
        configModule(env),
        LoggerModule.forRoot({ pinoHttp: { level: env.LOG_LEVEL, autoLogging: false } }),
        DatabaseModule,
        RedisModule,
        QueueModule.forRoot(),
        JobSchedulesModule,
        QueueModule.register(QueueName.OutboxRelay, QueueName.DomainEvents, QueueName.AuditSequencer),
        MetricsModule,
        TerminusModule,
        AuditModule,
        OutboxModule,
        RegistryJobsModule,
        CatalogJobsModule,
        TradingJobsModule,
        LedgerJobsModule,
      ],
      controllers: [WorkerHealthController, MetricsController],
      providers: [OutboxRelayProcessor, DomainEventsProcessor, AuditSequencerProcessor, Schedules],
    };
  }
}
