import { auditActorOf } from '@hst/audit';
import { Actor } from '@hst/common';
import { LedgerService } from '@hst/ledger';
import { LicensesService } from '@hst/licensing';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrderResponse } from '../dto/trading.responses';
import { OrderEntity } from '../entities/order.entity';
import { toOrderResponse } from '../order.mapper';
import { orderRoleFor } from '../order-policy';
import type { OrderAction } from '../order-status';
import { settlementTransfers } from '../settlement';
import { OrdersService } from './orders.service';

export type SettlementOutcome = 'settled' | 'refunded' | 'not_due';

/**
 * Settlement (结算): releases an order's escrow to the vendor, the platform and the data authority (and
 * any refund to the buyer), all in one transaction with the order's state change. Exactly once however
 * the job is retried, duplicated or killed: the order row lock and its status decide, and a transaction
 * that dies rolls back whole.
 */
@Injectable()
export class SettlementService {
  private readonly logger = new Logger(SettlementService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly ledger: LedgerService,
    private readonly licenses: LicensesService,
  ) {}

  /** The buyer accepts the delivery: settle now instead of at the end of the dispute window (202). */
  async confirm(actor: Actor, id: string): Promise<OrderResponse> {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.orders.lock(manager, id);
      const role = orderRoleFor(actor, order, 'confirm');
      const now = new Date();
      await this.orders.apply(manager, order, {
        action: 'confirm',
        actor: auditActorOf(actor, role),
        data: { settleDueAt: now.toISOString() },
        apply: (o) => {
          o.confirmedAt = now;
          o.settleDueAt = now;
        },
      });
      return toOrderResponse(order);
    });
  }

  async settle(id: string): Promise<SettlementOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const order = await manager.findOne(OrderEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const dueAt = order?.settleDueAt;
      const action = order && dueAt && dueAt.getTime() <= Date.now() ? actionFor(order) : undefined;
      if (!order || !action) return 'not_due';
      await this.ledger.openWallet(manager, order.vendorId);
      await this.ledger.openWallet(manager, order.buyerId);
      const transfers = await this.ledger.post(manager, settlementTransfers(order));
      const settledAt = transfers[0]?.at ?? new Date();
      await this.orders.apply(manager, order, {
        action,
        actor: null,
        data: { refundFen: order.refundFen, transferIds: transfers.map((t) => t.transferId) },
        apply: (o) => {
          o.settledAt = settledAt;
          o.settleDueAt = null;
        },
      });
      if (action === 'refund' && order.licenseId) {
        await this.licenses.revokeForRefund(manager, order.licenseId);
      }
      return action === 'refund' ? 'refunded' : 'settled';
    });
  }

  /** Settles every order whose time has come: the net under jobs that Redis lost. */
  async settleDue(): Promise<number> {
    const due = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM orders WHERE status IN ('delivered', 'disputed') AND settle_due_at <= now()
        ORDER BY settle_due_at LIMIT 500`,
    );
    let settled = 0;
    for (const { id } of due) {
      try {
        if ((await this.settle(id)) !== 'not_due') settled += 1;
      } catch (error) {
        // One order that cannot settle must not hold back the others; it is logged and retried next sweep.
        this.logger.error(`settlement of order ${id} failed: ${(error as Error).message}`);
      }
    }
    return settled;
  }
}

/** A delivered order settles; a disputed one (its dispute resolved, so due) settles the rest or refunds all. */
function actionFor(order: { status: string; refundFen: number; amountFen: number }): OrderAction | undefined {
  if (order.status === 'delivered') return 'settle';
  if (order.status === 'disputed') return order.refundFen === order.amountFen ? 'refund' : 'settleDisputed';
  return undefined;
}
