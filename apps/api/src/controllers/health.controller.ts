import { Public } from '@hst/common';
import { RedisHealthIndicator } from '@hst/queue';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Database and Redis reachability; 503 when either is down' })
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1000 }),
      () => this.redis.isHealthy(),
    ]);
  }
}
