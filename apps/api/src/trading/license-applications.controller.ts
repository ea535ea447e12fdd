import { CurrentActor, Roles } from '@hst/auth';
import { Actor } from '@hst/common';
import {
  CreateLicenseApplicationDto,
  LicenseApplicationPage,
  LicenseApplicationResponse,
  LicenseApplicationsQuery,
  LicenseApplicationsService,
} from '@hst/licensing';
import { ReasonDto } from '@hst/subjects';
import { ApprovalService } from '@hst/trading';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';

@ApiTags('licensing')
@ApiBearerAuth()
@Controller('license-applications')
export class LicenseApplicationsController {
  constructor(
    private readonly applications: LicenseApplicationsService,
    private readonly approvals: ApprovalService,
  ) {}

  @Post()
  @Roles('buyer')
  @ApiOperation({
    summary:
      'Apply for a license to a listed product; pending, or approved with its order when the policy auto-approves',
  })
  @ApiCreatedResponse({ type: LicenseApplicationResponse })
  @ApiErrors(400, 401, 403, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateLicenseApplicationDto): Promise<LicenseApplicationResponse> {
    return this.approvals.apply(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Your applications as buyer or product owner; all of them for admin and regulator' })
  @ApiOkResponse({ type: LicenseApplicationPage })
  @ApiErrors(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: LicenseApplicationsQuery): Promise<LicenseApplicationPage> {
    return this.applications.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An application (buyer, product owner, admin, regulator)' })
  @ApiOkResponse({ type: LicenseApplicationResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LicenseApplicationResponse> {
    return this.applications.get(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('vendor', 'operator')
  @ApiOperation({ summary: 'pending → approved, creating its order (pending_payment) in the same transaction (owner)' })
  @ApiOkResponse({ type: LicenseApplicationResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LicenseApplicationResponse> {
    return this.approvals.approve(actor, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('vendor', 'operator')
  @ApiOperation({ summary: 'pending → rejected (product owner)' })
  @ApiOkResponse({ type: LicenseApplicationResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<LicenseApplicationResponse> {
    return this.applications.reject(actor, id, dto.reason);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('buyer')
  @ApiOperation({ summary: 'pending → withdrawn (the buyer)' })
  @ApiOkResponse({ type: LicenseApplicationResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LicenseApplicationResponse> {
    return this.applications.withdraw(actor, id);
  }
}
