import { AccessGuard, AuthModule, JwtAuthGuard } from '@hst/auth';
import { AuditModule } from '@hst/audit';
import { configModule, Env } from '@hst/common';
import { DatabaseModule } from '@hst/database';
import { MetricsController, MetricsModule } from '@hst/metrics';
import { OutboxModule } from '@hst/outbox';
import { QueueModule, QueueName, RedisModule } from '@hst/queue';
import { SubjectsModule } from '@hst/subjects';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { CatalogHttpModule } from './catalog/catalog-http.module';
import { AlertsController } from './controllers/alerts.controller';
import { AuditController } from './controllers/audit.controller';
import { AuthController } from './controllers/auth.controller';
import { HealthController } from './controllers/health.controller';
import { SubjectsController } from './controllers/subjects.controller';
import { ExceptionsFilter } from './http/exception.filter';
import { loggerModule } from './http/logger';
import { OperationalMetrics } from './http/operational-metrics';
import { validationPipe } from './http/validation';
import { LedgerHttpModule } from './ledger/ledger-http.module';
import { RegistryHttpModule } from './registry/registry-http.module';
import { TradingHttpModule } from './trading/trading-http.module';

/** The HTTP API: controllers and HTTP wiring; every business rule lives in a lib. */
@Module({})
export class ApiModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        configModule(env),
        loggerModule(env),
        DatabaseModule,
        RedisModule,
        QueueModule.forRoot(),
        QueueModule.register(QueueName.DomainEvents),
        MetricsModule,
        TerminusModule,
        AuditModule,
        OutboxModule,
        SubjectsModule,
        AuthModule,
        RegistryHttpModule,
        CatalogHttpModule,
        TradingHttpModule,
        LedgerHttpModule,
      ],
      controllers: [
        AuthController,
        SubjectsController,
        AuditController,
        AlertsController,
        HealthController,
        MetricsController,
      ],
      providers: [
        OperationalMetrics,
        // Order matters: authenticate, then check the subject's status and roles.
        { provide: APP_GUARD, useExisting: JwtAuthGuard },
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_FILTER, useClass: ExceptionsFilter },
        { provide: APP_PIPE, useValue: validationPipe() },
      ],
    };
  }
}
