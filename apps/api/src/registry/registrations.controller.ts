import { CurrentActor, Roles } from '@hst/auth';
import { Actor } from '@hst/common';
import {
  CreateRegistrationDto,
  ObjectionDto,
  PublicNoticeResponse,
  RegistrationPage,
  RegistrationResponse,
  RegistrationService,
  RegistrationsQuery,
  ResolveObjectionDto,
} from '@hst/registry';
import { ReasonDto } from '@hst/subjects';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';

const FullOrNotice = {
  schema: { oneOf: [{ $ref: getSchemaPath(RegistrationResponse) }, { $ref: getSchemaPath(PublicNoticeResponse) }] },
};

@ApiTags('registry')
@ApiBearerAuth()
@ApiExtraModels(RegistrationResponse, PublicNoticeResponse)
@Controller('registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationService) {}

  @Post()
  @Roles('vendor', 'operator')
  @ApiOperation({ summary: 'Register a data resource and the rights claimed (数据登记); starts submitted' })
  @ApiCreatedResponse({ type: RegistrationResponse })
  @ApiErrors(400, 401, 403, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRegistrationDto): Promise<RegistrationResponse> {
    return this.registrations.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Your registrations (mine=true), all (admin, regulator), or the public notices (公示)' })
  @ApiOkResponse({ type: RegistrationPage })
  @ApiErrors(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: RegistrationsQuery): Promise<RegistrationPage> {
    return this.registrations.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse(FullOrNotice)
  @ApiOperation({ summary: 'A registration: in full for the applicant, admin, regulator; else its public notice' })
  @ApiErrors(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.registrations.get(actor, id);
  }

  @Post(':id/start-notice')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'submitted → in_notice; the notice ends after REGISTRATION_NOTICE_SECONDS (admin)' })
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  startNotice(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RegistrationResponse> {
    return this.registrations.startNotice(actor, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'submitted → rejected (admin)' })
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<RegistrationResponse> {
    return this.registrations.reject(actor, id, dto.reason);
  }

  @Post(':id/objections')
  @ApiCreatedResponse(FullOrNotice)
  @ApiOperation({
    summary: 'Object during the public notice: in_notice → objected (any active subject but the applicant)',
  })
  @ApiErrors(400, 401, 403, 404, 409)
  object(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ObjectionDto) {
    return this.registrations.object(actor, id, dto.reason);
  }

  @Post(':id/resolve-objection')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Upheld → rejected; dismissed → in_notice with the remaining notice time (admin)' })
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  resolveObjection(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ResolveObjectionDto,
  ): Promise<RegistrationResponse> {
    return this.registrations.resolveObjection(actor, id, dto);
  }
}
