import { Actor } from '@hst/common';
import { CurrentActor, Roles } from '@hst/auth';
import {
  CreateSubjectDto,
  ReasonDto,
  SUBJECT_ACTION_ROLES,
  SUBJECT_READER_ROLES,
  SubjectPage,
  SubjectResponse,
  SubjectsQuery,
  SubjectsService,
} from '@hst/subjects';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';

@ApiTags('subjects')
@ApiBearerAuth()
@Controller('subjects')
export class SubjectsController {
  constructor(private readonly subjects: SubjectsService) {}

  @Get()
  @Roles(...SUBJECT_READER_ROLES)
  @ApiOperation({ summary: 'List subjects (admin, regulator)' })
  @ApiOkResponse({ type: SubjectPage })
  @ApiErrors(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: SubjectsQuery): Promise<SubjectPage> {
    return this.subjects.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A subject (admin, regulator, or your own)' })
  @ApiOkResponse({ type: SubjectResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SubjectResponse> {
    return this.subjects.get(actor, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an active subject with its first user, e.g. a regulator (admin)' })
  @ApiCreatedResponse({ type: SubjectResponse })
  @ApiErrors(400, 401, 403, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSubjectDto): Promise<SubjectResponse> {
    return this.subjects.create(actor, dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...SUBJECT_ACTION_ROLES.approve)
  @ApiOperation({ summary: 'pending → active (admin)' })
  @ApiOkResponse({ type: SubjectResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SubjectResponse> {
    return this.subjects.transition(actor, id, 'approve');
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...SUBJECT_ACTION_ROLES.reject)
  @ApiOperation({ summary: 'pending → rejected (admin)' })
  @ApiOkResponse({ type: SubjectResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<SubjectResponse> {
    return this.subjects.transition(actor, id, 'reject', dto.reason);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles(...SUBJECT_ACTION_ROLES.suspend)
  @ApiOperation({ summary: 'active → suspended (admin, regulator); takes effect on issued tokens' })
  @ApiOkResponse({ type: SubjectResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  suspend(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<SubjectResponse> {
    return this.subjects.transition(actor, id, 'suspend', dto.reason);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Roles(...SUBJECT_ACTION_ROLES.reinstate)
  @ApiOperation({ summary: 'suspended → active (admin)' })
  @ApiOkResponse({ type: SubjectResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  reinstate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SubjectResponse> {
    return this.subjects.transition(actor, id, 'reinstate');
  }
}
