import { CurrentActor, Roles } from '@hst/auth';
import { Actor } from '@hst/common';
import { LicensePage, LicenseResponse, LicensesQuery, LicensesService } from '@hst/licensing';
import { ReasonDto } from '@hst/subjects';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';

@ApiTags('licensing')
@ApiBearerAuth()
@Controller('licenses')
export class LicensesController {
  constructor(private readonly licenses: LicensesService) {}

  @Get()
  @ApiOperation({ summary: 'Your licenses as buyer or product owner; all of them for admin and regulator' })
  @ApiOkResponse({ type: LicensePage })
  @ApiErrors(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: LicensesQuery): Promise<LicensePage> {
    return this.licenses.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A license; expired is derived from validUntil' })
  @ApiOkResponse({ type: LicenseResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LicenseResponse> {
    return this.licenses.get(actor, id);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles('vendor', 'operator', 'admin', 'regulator')
  @ApiOperation({ summary: 'active → suspended (product owner, admin, regulator)' })
  @ApiOkResponse({ type: LicenseResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  suspend(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<LicenseResponse> {
    return this.licenses.transition(actor, id, 'suspend', dto.reason);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('vendor', 'operator', 'admin', 'regulator')
  @ApiOperation({ summary: 'active | suspended → revoked (product owner, admin, regulator)' })
  @ApiOkResponse({ type: LicenseResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<LicenseResponse> {
    return this.licenses.transition(actor, id, 'revoke', dto.reason);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Roles('vendor', 'operator', 'admin', 'regulator')
  @ApiOperation({ summary: 'suspended → active (product owner, admin, regulator)' })
  @ApiOkResponse({ type: LicenseResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  reinstate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LicenseResponse> {
    return this.licenses.transition(actor, id, 'reinstate');
  }
}
