import { CurrentActor, Roles } from '@hst/auth';
import { Actor } from '@hst/common';
import { DisputePage, DisputeResponse, DisputesQuery, DisputesService, ResolveDisputeDto } from '@hst/trading';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors';

@ApiTags('trading')
@ApiBearerAuth()
@Controller('disputes')
export class DisputesController {
  constructor(private readonly disputes: DisputesService) {}

  @Get()
  @ApiOperation({ summary: 'Disputes of your orders (buyer or vendor); all of them for admin and regulator' })
  @ApiOkResponse({ type: DisputePage })
  @ApiErrors(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: DisputesQuery): Promise<DisputePage> {
    return this.disputes.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: "A dispute (its order's buyer and vendor, admin, regulator)" })
  @ApiOkResponse({ type: DisputeResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DisputeResponse> {
    return this.disputes.get(actor, id);
  }

  @Post(':id/resolve')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({
    summary:
      'open → resolved with refundFen (admin); the worker refunds the buyer from escrow and settles the rest on amount − refund (202)',
  })
  @ApiAcceptedResponse({ type: DisputeResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  resolve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ResolveDisputeDto,
  ): Promise<DisputeResponse> {
    return this.disputes.resolve(actor, id, dto);
  }
}
