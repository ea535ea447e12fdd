import { Public } from '@hst/common';
import { QueueName, RedisHealthIndicator } from '@hst/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Queue } from 'bullmq';

/** GET /health on WORKER_PORT: database, Redis, and the queues this worker serves. */
@Public()
@Controller('health')
export class WorkerHealthController {
  private readonly queues: Queue[];

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectQueue(QueueName.OutboxRelay) relay: Queue,
    @InjectQueue(QueueName.DomainEvents) domainEvents: Queue,
    @InjectQueue(QueueName.AuditSequencer) sequencer: Queue,
  ) {
    this.queues = [relay, domainEvents, sequencer];
  }

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1000 }),
      () => this.redis.isHealthy(),
      async () => {
        const indicator = this.indicators.check('queues');
        try {
          const depth = await Promise.all(this.queues.map(async (q) => [q.name, await q.count()] as const));
          return indicator.up({ waiting: Object.fromEntries(depth) });
        } catch (error) {
          return indicator.down({ message: (error as Error).message });
        }
      },
    ]);
  }
}
