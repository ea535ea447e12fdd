import { CurrentActor, Roles } from '@hst/auth';
import { Actor, PageQuery } from '@hst/common';
import {
  DepositDto,
  DepositResponse,
  IdempotentRequest,
  WalletEntryPage,
  WalletResponse,
  WalletService,
  WithdrawalDto,
  WithdrawalPage,
  WithdrawalResponse,
  WithdrawalsService,
} from '@hst/trading';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';
import { ApiIdempotencyKey, Idempotency } from './idempotency-request';

@ApiTags('trading')
@ApiBearerAuth()
@Controller('wallet')
export class WalletController {
  constructor(
    private readonly wallets: WalletService,
    private readonly withdrawals: WithdrawalsService,
  ) {}

  @Get()
  @ApiOperation({ summary: "Your subject's wallet (opened on first use)" })
  @ApiOkResponse({ type: WalletResponse })
  @ApiErrors(401, 403)
  get(@CurrentActor() actor: Actor): Promise<WalletResponse> {
    return this.wallets.get(actor);
  }

  @Get('entries')
  @ApiOperation({ summary: 'Your statement lines, newest first' })
  @ApiOkResponse({ type: WalletEntryPage })
  @ApiErrors(400, 401, 403)
  entries(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<WalletEntryPage> {
    return this.wallets.entries(actor, query);
  }

  @Post('deposits')
  @Roles('admin')
  @ApiIdempotencyKey()
  @ApiOperation({ summary: "bank → a subject's wallet (admin)" })
  @ApiCreatedResponse({ type: DepositResponse })
  @ApiErrors(400, 401, 403, 409, 422)
  deposit(
    @CurrentActor() actor: Actor,
    @Body() dto: DepositDto,
    @Idempotency() request: IdempotentRequest,
  ): Promise<DepositResponse> {
    return this.wallets.deposit(actor, dto, request);
  }

  @Post('withdrawals')
  @HttpCode(202)
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Withdraw to your bank account: held at once (202), then paid out by the worker or released on failure',
  })
  @ApiAcceptedResponse({ type: WithdrawalResponse })
  @ApiErrors(400, 401, 403, 409, 422)
  withdraw(
    @CurrentActor() actor: Actor,
    @Body() dto: WithdrawalDto,
    @Idempotency() request: IdempotentRequest,
  ): Promise<WithdrawalResponse> {
    return this.withdrawals.request(actor, dto, request);
  }

  @Get('withdrawals')
  @ApiOperation({ summary: 'Your withdrawals, newest first' })
  @ApiOkResponse({ type: WithdrawalPage })
  @ApiErrors(400, 401, 403)
  listWithdrawals(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<WithdrawalPage> {
    return this.withdrawals.list(actor, query);
  }
}
