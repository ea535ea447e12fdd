import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@hst/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { MetricsService } from './metrics.service';

/** GET /metrics (outside /api/v1): Prometheus text. Public, like every scrape target on a private port. */
@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Prometheus metrics' })
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }
}
