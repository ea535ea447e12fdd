import { AlertPage, AlertResponse, AlertsQuery, AlertsService } from '@hst/audit';
import { CurrentActor, Roles } from '@hst/auth';
import { Actor } from '@hst/common';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('regulator')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({ summary: 'Monitoring alerts, newest first (regulator)' })
  @ApiOkResponse({ type: AlertPage })
  @ApiErrors(400, 401, 403)
  list(@Query() query: AlertsQuery): Promise<AlertPage> {
    return this.alerts.list(query);
  }

  @Post(':id/ack')
  @HttpCode(200)
  @ApiOperation({ summary: 'open → acknowledged (regulator)' })
  @ApiOkResponse({ type: AlertResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  acknowledge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AlertResponse> {
    return this.alerts.acknowledge(actor, id);
  }
}
