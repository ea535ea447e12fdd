import { Roles } from '@hst/auth';
import {
  AuditEventPage,
  AuditEventsQuery,
  AuditQueryService,
  AuditVerifier,
  ChainVerificationResponse,
  VerifyQuery,
} from '@hst/audit';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly query: AuditQueryService,
    private readonly verifier: AuditVerifier,
  ) {}

  @Get('events')
  @Roles('regulator', 'admin')
  @ApiOperation({ summary: 'The sequenced audit chain, ordered by seq (regulator, admin)' })
  @ApiOkResponse({ type: AuditEventPage })
  @ApiErrors(400, 401, 403)
  events(@Query() query: AuditEventsQuery): Promise<AuditEventPage> {
    return this.query.list(query);
  }

  @Get('verify')
  @Roles('regulator')
  @ApiOperation({ summary: 'Recompute the hash chain from the stored rows (regulator)' })
  @ApiOkResponse({ type: ChainVerificationResponse })
  @ApiErrors(400, 401, 403)
  verify(@Query() query: VerifyQuery): Promise<ChainVerificationResponse> {
    return this.verifier.verify(query);
  }
}
