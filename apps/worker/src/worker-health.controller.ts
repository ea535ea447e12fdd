import { Public } from '@hst/common';
import { RedisHealthIndicator, registeredQueues } from '@hst/queue';
import { Controller, Get } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Queue } from 'bullmq';

/** GET /health on WORKER_PORT: database, Redis, and the queues this worker serves. */
@Public()
@Controller('health')
export class WorkerHealthController {
  /** Looked up at the first check, once every module has registered its queues. */
  private queues?: Queue[];

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1000 }),
      () => this.redis.isHealthy(),
      async () => {
        const indicator = this.indicators.check('queues');
        try {
          this.queues ??= registeredQueues(this.moduleRef);
          const depth = await Promise.all(this.queues.map(async (q) => [q.name, await q.count()] as const));
          return indicator.up({ waiting: Object.fromEntries(depth) });
        } catch (error) {
          return indicator.down({ message: (error as Error).message });
        }
      },
    ]);
  }
}
