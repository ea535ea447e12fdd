import { AuditActor, AuditService, auditActorOf } from '@hst/audit';
import { Actor, Env, hasRole, newestFirstPage, nextState, NotFoundError, Page } from '@hst/common';
import { roleFor } from '@hst/subjects';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DISPUTE_MACHINE } from '../dispute-status';
import type { DisputesQuery, ResolveDisputeDto } from '../dto/trading.dto';
import type { DisputeResponse } from '../dto/trading.responses';
import { DisputeEntity } from '../entities/dispute.entity';
import { OrderEntity } from '../entities/order.entity';
import { TradingErrorCode, TradingException } from '../exceptions/trading.exception';
import { canReadOrder, ORDER_READER_ROLES, orderRoleFor } from '../order-policy';
import { ORDER_MACHINE } from '../order-status';
import { toDisputeResponse } from '../order.mapper';
import { OrdersService } from './orders.service';

/**
 * Disputes (争议): the buyer opens one while the order is delivered and within the dispute window (the
 * order goes `disputed` and its settlement waits); an admin resolves it with a refund, which brings the
 * settlement time to now: the worker refunds the buyer from escrow and settles the rest (or refunds all).
 * The dispute is read by whoever may read its order.
 */
@Injectable()
export class DisputesService {
  private readonly disputeWindowMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly audit: AuditService,
    config: ConfigService<Env, true>,
  ) {
    this.disputeWindowMs = config.get('DISPUTE_WINDOW_SECONDS', { infer: true }) * 1000;
  }

  /** The buyer disputes a delivered, unconfirmed order within its window: dispute and order in one transaction. */
  async open(actor: Actor, orderId: string, reason: string): Promise<DisputeResponse> {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.orders.lock(manager, orderId);
      const role = orderRoleFor(actor, order, 'dispute');
      nextState(ORDER_MACHINE, order.status, 'dispute'); // 409 unless delivered (one dispute per order)
      if (order.confirmedAt) throw new TradingException(TradingErrorCode.DeliveryConfirmed);
      const now = new Date();
      if (!order.deliveredAt || order.deliveredAt.getTime() + this.disputeWindowMs <= now.getTime()) {
        throw new TradingException(TradingErrorCode.DisputeWindowClosed);
      }
      const dispute = manager.create(DisputeEntity, {
        id: randomUUID(),
        orderId: order.id,
        reason,
        status: 'open',
        refundFen: null,
        note: null,
        openedAt: now,
        resolvedAt: null,
      });
      await manager.insert(DisputeEntity, dispute);
      const auditActor = auditActorOf(actor, role);
      await this.orders.apply(manager, order, {
        action: 'dispute',
        actor: auditActor,
        data: { disputeId: dispute.id, reason },
        apply: (o) => {
          o.disputeId = dispute.id;
          o.settleDueAt = null; // the settlement waits for the resolution
        },
      });
      await this.record(manager, 'dispute.opened', dispute, auditActor, { orderId: order.id, reason });
      return toDisputeResponse(dispute);
    });
  }

  async get(actor: Actor, id: string): Promise<DisputeResponse> {
    const dispute = await this.dataSource
      .getRepository(DisputeEntity)
      .findOne({ where: { id }, relations: { order: true } });
    if (!dispute?.order) throw new NotFoundError('dispute', id);
    this.assertReader(actor, dispute.order, id);
    return toDisputeResponse(dispute);
  }

  /** The disputes of the caller's orders (as buyer or vendor); every dispute for admin and regulator. */
  async list(actor: Actor, query: DisputesQuery): Promise<Page<DisputeResponse>> {
    const qb = this.dataSource.getRepository(DisputeEntity).createQueryBuilder('d');
    if (!hasRole(actor, ...ORDER_READER_ROLES)) {
      qb.innerJoin(OrderEntity, 'o', 'o.id = d.order_id').andWhere('(o.buyer_id = :me OR o.vendor_id = :me)', {
        me: actor.subjectId,
      });
    }
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.orderId) qb.andWhere('d.order_id = :orderId', { orderId: query.orderId });
    return newestFirstPage(qb, query, { column: 'opened_at', of: (d) => d.openedAt }, toDisputeResponse);
  }

  /**
   * Admin: resolves an open dispute with the refund (0..amount, above → 422). In one transaction the
   * dispute is resolved and the order gets its refund and a settlement time of now; the order event
   * `order.dispute_resolved` makes the scheduler enqueue the settlement (202: the worker completes it).
   */
  async resolve(actor: Actor, id: string, dto: ResolveDisputeDto): Promise<DisputeResponse> {
    const role = roleFor(actor, ['admin']);
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(DisputeEntity, { id });
      if (!found) throw new NotFoundError('dispute', id);
      // The order first, as settlement locks it: one lock order, no deadlock.
      const order = await this.orders.lock(manager, found.orderId);
      const dispute = await manager.findOneOrFail(DisputeEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      const status = nextState(DISPUTE_MACHINE, dispute.status, 'resolve');
      nextState(ORDER_MACHINE, order.status, 'resolveDispute');
      if (dto.refundFen > order.amountFen) throw new TradingException(TradingErrorCode.RefundExceedsAmount);
      const now = new Date();
      dispute.status = status;
      dispute.refundFen = dto.refundFen;
      dispute.note = dto.note;
      dispute.resolvedAt = now;
      await manager.save(dispute);
      const auditActor = auditActorOf(actor, role);
      await this.orders.apply(manager, order, {
        action: 'resolveDispute',
        actor: auditActor,
        data: { disputeId: dispute.id, refundFen: dto.refundFen, note: dto.note, settleDueAt: now.toISOString() },
        apply: (o) => {
          o.refundFen = dto.refundFen;
          o.settleDueAt = now;
        },
      });
      await this.record(manager, 'dispute.resolved', dispute, auditActor, {
        orderId: order.id,
        refundFen: dto.refundFen,
        note: dto.note,
      });
      return toDisputeResponse(dispute);
    });
  }

  /** Who may read a dispute is who may read its order (404 for anyone else). */
  private assertReader(actor: Actor, order: OrderEntity, disputeId: string): void {
    if (!canReadOrder(actor, order)) throw new NotFoundError('dispute', disputeId);
  }

  /** The dispute's own audit line (its outbox event is the order's, written by the order transition). */
  private async record(
    manager: EntityManager,
    action: string,
    dispute: DisputeEntity,
    actor: AuditActor,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(manager, { actor, action, entityType: 'dispute', entityId: dispute.id, data });
  }
}
