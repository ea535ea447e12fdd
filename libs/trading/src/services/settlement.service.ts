import { auditActorOf } from '@hst/audit';
import { Actor } from '@hst/common';
import { eachApart, sweepDue } from '@hst/database';
import { LedgerService } from '@hst/ledger';
import { LicensesService } from '@hst/licensing';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { OrderResponse } from '../dto/trading.responses';
import { OrderEntity } from '../entities/order.entity';
import { toOrderResponse } from '../order.mapper';
import { orderRoleFor } from '../order-policy';
import type { OrderAction } from '../order-status';
import { SETTLEMENT_DUE_WHERE, settlementTransfers } from '../settlement';
import { OrdersService } from './orders.service';

export type SettlementOutcome = 'settled' | 'refunded' | 'not_due';

/** Orders the sweep settles per transaction. */
const SWEEP_BATCH = 50;

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
    return (await this.settleMany([id])).get(id) ?? 'not_due';
  }

  /**
   * Settles the due orders among `ids` in ONE transaction (each order's settlement is whole: its transfers
   * and its transition commit together, or nothing of the batch does). Orders are locked in id order, so
   * concurrent batches cannot deadlock; the status and due time decide, so a replayed id is a no-op.
   */
  async settleMany(ids: string[]): Promise<Map<string, SettlementOutcome>> {
    return this.dataSource.transaction(async (manager) => {
      const outcomes = new Map<string, SettlementOutcome>(ids.map((id) => [id, 'not_due']));
      const locked = await manager.find(OrderEntity, {
        where: { id: In([...new Set(ids)]) },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      // The database's clock, the one the sweep and settleDueAt comparisons use, not this worker's.
      const [{ now: dbNow }] = await manager.query<{ now: Date }[]>('SELECT now() AS now');
      const now = dbNow.getTime();
      const due = locked.flatMap((order) => {
        const action = order.settleDueAt && order.settleDueAt.getTime() <= now ? actionFor(order) : undefined;
        return action ? [{ order, action }] : [];
      });
      if (due.length === 0) return outcomes;
      await this.ledger.openWallets(
        manager,
        due.flatMap(({ order }) => [order.vendorId, order.buyerId]),
      );
      const posted = await this.ledger.post(
        manager,
        due.flatMap(({ order }) => settlementTransfers(order)),
      );
      const settledAt = posted[0]?.at ?? new Date();
      await this.orders.applyMany(
        manager,
        due.map(({ order, action }) => ({
          order,
          action,
          actor: null,
          data: {
            refundFen: order.refundFen,
            transferIds: posted.filter((p) => p.spec.orderId === order.id).map((p) => p.transferId),
          },
          apply: (o: OrderEntity) => {
            o.settledAt = settledAt;
            o.settleDueAt = null;
          },
        })),
      );
      for (const { order, action } of due) {
        if (action === 'refund' && order.licenseId) await this.licenses.revokeForRefund(manager, order.licenseId);
        outcomes.set(order.id, action === 'refund' ? 'refunded' : 'settled');
      }
      return outcomes;
    });
  }

  /** Settles every due order, past any that fail: the net under jobs that Redis lost. */
  settleDue(pageSize?: number): Promise<number> {
    return sweepDue(
      this.dataSource,
      {
        table: 'orders',
        dueAt: 'settle_due_at',
        where: SETTLEMENT_DUE_WHERE,
      },
      async (ids) => {
        let settled = 0;
        for (let i = 0; i < ids.length; i += SWEEP_BATCH) {
          settled += await this.settleBatch(ids.slice(i, i + SWEEP_BATCH));
        }
        return settled;
      },
      pageSize,
    );
  }

  /** One transaction for the batch; if it fails, one per order, so that one order cannot hold back the others. */
  private async settleBatch(ids: string[]): Promise<number> {
    try {
      return [...(await this.settleMany(ids)).values()].filter((o) => o !== 'not_due').length;
    } catch (error) {
      this.logger.warn(`batched settlement failed (${(error as Error).message}); settling one by one`);
      return eachApart(
        ids,
        async (id) => (await this.settle(id)) !== 'not_due',
        (id, single) => this.logger.error(`settlement of order ${id} failed: ${single.message}`),
      );
    }
  }
}

/** A delivered order settles; a disputed one (its dispute resolved, so due) settles the rest or refunds all. */
function actionFor(order: { status: string; refundFen: number; amountFen: number }): OrderAction | undefined {
  if (order.status === 'delivered') return 'settle';
  if (order.status === 'disputed') return order.refundFen === order.amountFen ? 'refund' : 'settleDisputed';
  return undefined;
}
