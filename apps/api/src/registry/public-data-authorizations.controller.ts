import { CurrentActor, Roles } from '@hst/auth';
import { Actor, PageQuery } from '@hst/common';
import {
  AuthorizationPage,
  AuthorizationResponse,
  GrantAuthorizationDto,
  PublicDataAuthorizationService,
} from '@hst/registry';
import { ReasonDto } from '@hst/subjects';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';

@ApiTags('public data')
@ApiBearerAuth()
@Controller('public-data-authorizations')
export class PublicDataAuthorizationsController {
  constructor(private readonly authorizations: PublicDataAuthorizationService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Grant an operator an overall authorization (整体授权) over domains (admin)' })
  @ApiCreatedResponse({ type: AuthorizationResponse })
  @ApiErrors(400, 401, 403, 422)
  grant(@CurrentActor() actor: Actor, @Body() dto: GrantAuthorizationDto): Promise<AuthorizationResponse> {
    return this.authorizations.grant(actor, dto);
  }

  @Get()
  @Roles('admin', 'regulator', 'operator')
  @ApiOperation({ summary: 'Authorizations: all (admin, regulator) or your own (operator)' })
  @ApiOkResponse({ type: AuthorizationPage })
  @ApiErrors(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<AuthorizationPage> {
    return this.authorizations.list(actor, query);
  }

  @Get(':id')
  @Roles('admin', 'regulator', 'operator')
  @ApiOperation({ summary: 'An authorization (admin, regulator, the operator)' })
  @ApiOkResponse({ type: AuthorizationResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AuthorizationResponse> {
    return this.authorizations.get(actor, id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'active → revoked; the operator’s public-source products in these domains are suspended' })
  @ApiOkResponse({ type: AuthorizationResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<AuthorizationResponse> {
    return this.authorizations.revoke(actor, id, dto.reason);
  }
}
