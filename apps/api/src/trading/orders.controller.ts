import { CurrentActor, Roles } from '@hst/auth';
import { Actor } from '@hst/common';
import {
  DisputeResponse,
  DisputesService,
  IdempotentRequest,
  OrderPage,
  OrderResponse,
  OrdersQuery,
  OrdersService,
  PaymentService,
  SettlementService,
} from '@hst/trading';
import { ReasonDto } from '@hst/subjects';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly payments: PaymentService,
    private readonly settlement: SettlementService,
    private readonly disputes: DisputesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your orders as buyer or vendor; all of them for admin and regulator' })
  @ApiOkResponse({ type: OrderPage })
  @ApiErrors(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: OrdersQuery): Promise<OrderPage> {
    return this.orders.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An order (buyer, vendor, admin, regulator)' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<OrderResponse> {
    return this.orders.get(actor, id);
  }

  @Post(':id/pay')
  @HttpCode(200)
  @Roles('buyer')
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Pay from your wallet into escrow; the license is issued and the order delivered in the same transaction',
  })
  @ApiOkResponse({ type: OrderResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  pay(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Idempotency() request: IdempotentRequest,
  ): Promise<OrderResponse> {
    return this.payments.pay(actor, id, request);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('buyer')
  @ApiOperation({ summary: 'pending_payment → cancelled (the buyer)' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<OrderResponse> {
    return this.orders.cancel(actor, id);
  }

  @Post(':id/confirm')
  @HttpCode(202)
  @Roles('buyer')
  @ApiOperation({
    summary: 'Accept the delivery: the worker settles now instead of at the end of the dispute window (202)',
  })
  @ApiAcceptedResponse({ type: OrderResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<OrderResponse> {
    return this.settlement.confirm(actor, id);
  }

  @Post(':id/disputes')
  @Roles('buyer')
  @ApiOperation({
    summary: 'Dispute a delivered order within the dispute window (the buyer): the order goes disputed and waits',
  })
  @ApiCreatedResponse({ type: DisputeResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  dispute(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<DisputeResponse> {
    return this.disputes.open(actor, id, dto.reason);
  }
}
