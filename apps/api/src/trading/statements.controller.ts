import { CurrentActor, Roles } from '@hst/auth';
import { Actor } from '@hst/common';
import { StatementQuery, StatementResponse, StatementsService } from '@hst/trading';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';

@ApiTags('trading')
@ApiBearerAuth()
@Controller('statements')
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @Get()
  @Roles('vendor', 'operator', 'admin', 'regulator')
  @ApiOperation({
    summary:
      'Daily settlement statement of a vendor for an Asia/Shanghai date (own; admin and regulator name vendorId)',
  })
  @ApiOkResponse({ type: StatementResponse })
  @ApiErrors(400, 401, 403)
  daily(@CurrentActor() actor: Actor, @Query() query: StatementQuery): Promise<StatementResponse> {
    return this.statements.daily(actor, query);
  }
}
