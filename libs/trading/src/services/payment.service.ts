import { auditActorOf } from '@hst/audit';
import { Actor, Env, nextState } from '@hst/common';
import { LedgerService } from '@hst/ledger';
import { LicenseApplicationsService, LicensesService } from '@hst/licensing';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { OrderResponse } from '../dto/trading.responses';
import { TradingErrorCode, TradingException } from '../exceptions/trading.exception';
import type { IdempotentRequest } from '../idempotency';
import { toOrderResponse } from '../order.mapper';
import { orderRoleFor } from '../order-policy';
import { ORDER_MACHINE } from '../order-status';
import { IdempotencyService } from './idempotency.service';
import { OrdersService } from './orders.service';

/**
 * Paying an order (POST /orders/:id/pay), in one transaction: buyer wallet → escrow (the order id picks
 * the escrow shard, so settlement or refund later releases the same shard), the license issued
 * `active` from the payment time, the order `paid` (audited) then `delivered` with its license.
 * The order rests `delivered` until the worker settles it at `settleDueAt` (the end of the dispute window).
 */
@Injectable()
export class PaymentService {
  private readonly disputeWindowMs: number;

  constructor(
    config: ConfigService<Env, true>,
    private readonly idempotency: IdempotencyService,
    private readonly orders: OrdersService,
    private readonly ledger: LedgerService,
    private readonly applications: LicenseApplicationsService,
    private readonly licenses: LicensesService,
  ) {
    this.disputeWindowMs = config.get('DISPUTE_WINDOW_SECONDS', { infer: true }) * 1000;
  }

  async pay(actor: Actor, id: string, request: IdempotentRequest): Promise<OrderResponse> {
    return this.idempotency.run(actor, request, 200, async (manager) => {
      const order = await this.orders.lock(manager, id);
      const role = orderRoleFor(actor, order, 'pay');
      nextState(ORDER_MACHINE, order.status, 'pay'); // 409 for a paid or cancelled order, before the deadline's
      if (order.paymentDueAt.getTime() <= Date.now()) {
        throw new TradingException(TradingErrorCode.PaymentDeadlinePassed);
      }
      const wallet = await this.ledger.openWallet(manager, order.buyerId);
      const [payment] = await this.ledger.post(manager, [
        { debit: wallet, credit: 'escrow', amountFen: order.amountFen, kind: 'payment', orderId: order.id },
      ]);
      const paidAt = payment.at;
      const auditActor = auditActorOf(actor, role);
      await this.orders.apply(manager, order, {
        action: 'pay',
        actor: auditActor,
        data: { transferId: payment.transferId, amountFen: order.amountFen },
        apply: (o) => (o.paidAt = paidAt),
      });
      const application = await this.applications.approvedForIssue(manager, order.licenseApplicationId);
      const license = await this.licenses.issue(manager, { application, orderId: order.id, validFrom: paidAt });
      const settleDueAt = new Date(paidAt.getTime() + this.disputeWindowMs);
      await this.orders.apply(manager, order, {
        action: 'deliver',
        actor: auditActor,
        data: { licenseId: license.id, settleDueAt: settleDueAt.toISOString() },
        apply: (o) => {
          o.licenseId = license.id;
          o.deliveredAt = paidAt;
          o.settleDueAt = settleDueAt;
        },
      });
      return toOrderResponse(order);
    });
  }
}
