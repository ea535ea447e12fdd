import { AuditActor, AuditService, auditActorOf } from '@hst/audit';
import type { LicensableProduct } from '@hst/catalog';
import { Actor, Env, hasRole, newestFirstPage, nextState, NotFoundError, Page } from '@hst/common';
import { eachApart, sweepDue } from '@hst/database';
import type { LicenseApplicationEntity } from '@hst/licensing';
import { OutboxService } from '@hst/outbox';
import { PublicDataAuthorizationService } from '@hst/registry';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OrdersQuery } from '../dto/trading.dto';
import type { OrderResponse } from '../dto/trading.responses';
import { OrderEntity } from '../entities/order.entity';
import { TradingErrorCode, TradingException } from '../exceptions/trading.exception';
import { toOrderResponse } from '../order.mapper';
import { ORDER_READER_ROLES, orderRoleFor } from '../order-policy';
import { orderDay, orderFees, orderNo } from '../order-pricing';
import { ORDER_EVENT, ORDER_MACHINE, OrderAction } from '../order-status';

export type OrderTransition = {
  action: OrderAction;
  actor: AuditActor | null;
  data?: Record<string, unknown>;
  /** Changes the row needs beside its status, applied before it is saved. */
  apply?: (order: OrderEntity) => void;
};

/** Orders (订单): created at approval, cancelled by the buyer or the payment timeout, read by the parties. */
@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);
  private readonly platformFeeBps: number;
  private readonly paymentTimeoutMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorizations: PublicDataAuthorizationService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    config: ConfigService<Env, true>,
  ) {
    this.platformFeeBps = config.get('PLATFORM_FEE_BPS', { infer: true });
    this.paymentTimeoutMs = config.get('ORDER_PAYMENT_TIMEOUT_SECONDS', { infer: true }) * 1000;
  }

  /**
   * The order of an approved application, `pending_payment`, in the approval's transaction. Its number
   * comes from the day's counter row, locked until that transaction ends (gapless per day).
   */
  async create(
    manager: EntityManager,
    id: string,
    application: LicenseApplicationEntity,
    product: LicensableProduct,
    actor: AuditActor | null,
  ): Promise<OrderEntity> {
    const authorization =
      product.sourceType === 'public'
        ? await this.authorizations.activeCovering(product.vendorId, product.category, manager)
        : null;
    if (authorization === undefined) throw new TradingException(TradingErrorCode.PublicDataAuthorizationMissing);
    const fees = orderFees(application.amountFen, this.platformFeeBps, authorization?.authorityShareBps ?? null);
    if (!fees) throw new TradingException(TradingErrorCode.FeesExceedAmount);
    const now = new Date();
    const day = orderDay(now);
    const [counter] = await manager.query<{ last_value: number }[]>(
      `INSERT INTO order_counters (day, last_value) VALUES ($1, 1)
       ON CONFLICT (day) DO UPDATE SET last_value = order_counters.last_value + 1
       RETURNING last_value`,
      [day],
    );
    const order = manager.create(OrderEntity, {
      id,
      orderNo: orderNo(day, counter.last_value),
      buyerId: application.buyerId,
      vendorId: application.vendorId,
      productId: application.productId,
      licenseApplicationId: application.id,
      licenseId: null,
      disputeId: null,
      amountFen: application.amountFen,
      platformFeeFen: fees.platformFeeFen,
      authorityShareFen: fees.authorityShareFen,
      refundFen: 0,
      platformFeeBps: this.platformFeeBps,
      authorityShareBps: authorization?.authorityShareBps ?? 0,
      settleDueAt: null,
      confirmedAt: null,
      publicDataAuthorizationId: authorization?.id ?? null,
      status: 'pending_payment',
      paymentDueAt: new Date(now.getTime() + this.paymentTimeoutMs),
      paidAt: null,
      deliveredAt: null,
      settledAt: null,
      cancelledAt: null,
      cancelReason: null,
    });
    await manager.insert(OrderEntity, order); // the id is ours: insert, no look-up first
    await this.record(manager, 'order.created', order, actor, {
      orderNo: order.orderNo,
      licenseApplicationId: application.id,
      amountFen: order.amountFen,
      platformFeeFen: order.platformFeeFen,
      authorityShareFen: order.authorityShareFen,
      paymentDueAt: order.paymentDueAt.toISOString(),
    });
    return order;
  }

  async get(actor: Actor, id: string): Promise<OrderResponse> {
    const order = await this.dataSource.getRepository(OrderEntity).findOneBy({ id });
    if (!order) throw new NotFoundError('order', id);
    orderRoleFor(actor, order, 'read');
    return toOrderResponse(order);
  }

  /** The caller's orders as buyer or vendor; every order for admin and regulator. */
  async list(actor: Actor, query: OrdersQuery): Promise<Page<OrderResponse>> {
    const qb = this.dataSource.getRepository(OrderEntity).createQueryBuilder('o');
    if (!hasRole(actor, ...ORDER_READER_ROLES)) {
      qb.andWhere('(o.buyer_id = :me OR o.vendor_id = :me)', { me: actor.subjectId });
    }
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    if (query.productId) qb.andWhere('o.product_id = :productId', { productId: query.productId });
    if (query.licenseApplicationId) {
      qb.andWhere('o.license_application_id = :applicationId', { applicationId: query.licenseApplicationId });
    }
    return newestFirstPage(qb, query, { column: 'created_at', of: (o) => o.createdAt }, toOrderResponse);
  }

  /** The buyer cancels an unpaid order (409 once it is paid or cancelled). */
  async cancel(actor: Actor, id: string): Promise<OrderResponse> {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.lock(manager, id);
      const role = orderRoleFor(actor, order, 'cancel');
      await this.apply(manager, order, {
        action: 'cancel',
        actor: auditActorOf(actor, role),
        data: { reason: 'buyer' },
        apply: (o) => {
          o.cancelledAt = new Date();
          o.cancelReason = 'buyer';
        },
      });
      return toOrderResponse(order);
    });
  }

  /**
   * The worker's half of the payment timeout: cancels the order if it is still unpaid at its deadline.
   * Safe to run any number of times, early or late: the row lock and the status decide.
   */
  async expire(id: string): Promise<'cancelled' | 'not_due'> {
    return this.dataSource.transaction(async (manager) => {
      const order = await manager.findOne(OrderEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const due = order?.status === 'pending_payment' && order.paymentDueAt.getTime() <= Date.now();
      if (!order || !due) return 'not_due';
      await this.apply(manager, order, {
        action: 'expire',
        actor: null,
        data: { reason: 'payment_timeout' },
        apply: (o) => {
          o.cancelledAt = new Date();
          o.cancelReason = 'payment_timeout';
        },
      });
      return 'cancelled';
    });
  }

  /** Cancels every overdue unpaid order, past any that fail: the net under delayed jobs that Redis lost. */
  expireOverdue(): Promise<number> {
    return sweepDue(
      this.dataSource,
      { table: 'orders', dueAt: 'payment_due_at', where: `status = 'pending_payment' AND payment_due_at <= now()` },
      (ids) =>
        eachApart(
          ids,
          async (id) => (await this.expire(id)) === 'cancelled',
          (id, error) => this.logger.error(`payment timeout of order ${id} failed: ${error.message}`),
        ),
    );
  }

  async lock(manager: EntityManager, id: string): Promise<OrderEntity> {
    const order = await manager.findOne(OrderEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!order) throw new NotFoundError('order', id);
    return order;
  }

  /** The one place an order changes state: the transition is checked, and row, audit and outbox written together. */
  async apply(manager: EntityManager, order: OrderEntity, t: OrderTransition): Promise<void> {
    await this.applyMany(manager, [{ order, ...t }]);
  }

  /**
   * The same for many orders at once (batched settlement): every transition is checked first, then the
   * rows, audit events and outbox events are written with one statement each.
   */
  async applyMany(manager: EntityManager, items: (OrderTransition & { order: OrderEntity })[]): Promise<void> {
    if (items.length === 0) return;
    const now = new Date();
    const changes = items.map(({ order, ...t }) => {
      const from = order.status;
      order.status = nextState(ORDER_MACHINE, from, t.action);
      t.apply?.(order);
      order.updatedAt = now;
      return { order, t, data: { from, to: order.status, ...t.data } };
    });
    // One statement for the rows: every order here is locked by the caller and saved whole. updateEntity(false):
    // the entities keep their typed values (RETURNING would put raw bigint strings back on them).
    const columns = manager.connection
      .getMetadata(OrderEntity)
      .columns.filter((c) => !c.isPrimary && !c.isCreateDate)
      .map((c) => c.databaseName);
    await manager
      .createQueryBuilder()
      .insert()
      .into(OrderEntity)
      .values(changes.map((c) => c.order))
      .orUpdate(columns, ['id'])
      .updateEntity(false)
      .execute();
    const events = changes.map(({ order, t, data }) => ({
      action: ORDER_EVENT[t.action],
      actor: t.actor,
      order,
      payload: eventPayload(order, data),
    }));
    await this.audit.recordMany(
      manager,
      events.map((e) => ({
        actor: e.actor,
        action: e.action,
        entityType: 'order',
        entityId: e.order.id,
        data: e.payload,
      })),
    );
    await this.outbox.publishMany(
      manager,
      events.map((e) => ({ type: e.action, aggregateType: 'order', aggregateId: e.order.id, payload: e.payload })),
    );
  }

  private async record(
    manager: EntityManager,
    action: string,
    order: OrderEntity,
    actor: AuditActor | null,
    data: Record<string, unknown>,
  ): Promise<void> {
    const payload = eventPayload(order, data);
    await this.audit.record(manager, { actor, action, entityType: 'order', entityId: order.id, data: payload });
    await this.outbox.publish(manager, { type: action, aggregateType: 'order', aggregateId: order.id, payload });
  }
}

/** What every order event carries: who and what, then the change. */
function eventPayload(order: OrderEntity, data: Record<string, unknown>): Record<string, unknown> {
  return {
    orderNo: order.orderNo,
    buyerId: order.buyerId,
    vendorId: order.vendorId,
    productId: order.productId,
    ...data,
  };
}
