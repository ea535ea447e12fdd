import { Roles } from '@hst/auth';
import { LedgerService, TransferPage, TransfersQuery, TrialBalanceResponse } from '@hst/ledger';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';

@ApiTags('ledger')
@ApiBearerAuth()
@Roles('admin', 'regulator')
@Controller('ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('trial-balance')
  @ApiOperation({ summary: 'Every account’s balance; the total is always 0 (admin, regulator)' })
  @ApiOkResponse({ type: TrialBalanceResponse })
  @ApiErrors(401, 403)
  trialBalance(): Promise<TrialBalanceResponse> {
    return this.ledger.trialBalance();
  }

  @Get('transfers')
  @ApiOperation({ summary: 'The transfer journal, filterable by account, order and time (admin, regulator)' })
  @ApiOkResponse({ type: TransferPage })
  @ApiErrors(400, 401, 403)
  transfers(@Query() query: TransfersQuery): Promise<TransferPage> {
    return this.ledger.transfers(query);
  }
}
