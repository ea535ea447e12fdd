import { auditActorOf } from '@hst/audit';
import { Actor } from '@hst/common';
import {
  ApplicationWithProduct,
  CreateLicenseApplicationDto,
  LicenseApplicationResponse,
  LicenseApplicationsService,
  toApplicationResponse,
} from '@hst/licensing';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { OrderEntity } from '../entities/order.entity';
import { OrdersService } from './orders.service';
import { OrderTimeoutQueue } from './order-timeout-queue.service';

/**
 * Turns an approved license application into an order, atomically (STYLE: the higher lib orchestrates;
 * licensing never imports trading). Licensing checks and records the approval in the transaction
 * trading opens, naming the order id trading chose; trading creates that order in the same commit.
 * The payment deadline job is scheduled after the commit.
 */
@Injectable()
export class ApprovalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: LicenseApplicationsService,
    private readonly orders: OrdersService,
    private readonly timeouts: OrderTimeoutQueue,
  ) {}

  /** POST /license-applications: `pending`, or `approved` with its order at once when the policy says autoApprove. */
  async apply(actor: Actor, dto: CreateLicenseApplicationDto): Promise<LicenseApplicationResponse> {
    const { response, order } = await this.dataSource.transaction(async (manager) => {
      const submitted = await this.applications.submit(manager, actor, dto);
      if (!submitted.product.policy.autoApprove) {
        return { response: toApplicationResponse(submitted.application), order: undefined };
      }
      return this.approveIn(manager, null, submitted.application.id);
    });
    if (order) await this.timeouts.schedule(order.id, order.paymentDueAt);
    return response;
  }

  /** POST /license-applications/:id/approve (the product owner): → approved, with its order. */
  async approve(actor: Actor, id: string): Promise<LicenseApplicationResponse> {
    const { response, order } = await this.dataSource.transaction((manager) => this.approveIn(manager, actor, id));
    await this.timeouts.schedule(order.id, order.paymentDueAt);
    return response;
  }

  private async approveIn(
    manager: EntityManager,
    actor: Actor | null,
    id: string,
  ): Promise<{ response: LicenseApplicationResponse; order: OrderEntity }> {
    const orderId = randomUUID();
    const { application, product }: ApplicationWithProduct = await this.applications.approve(
      manager,
      actor,
      id,
      orderId,
    );
    const auditActor = actor ? auditActorOf(actor) : null;
    const order = await this.orders.create(manager, orderId, application, product, auditActor);
    return { response: toApplicationResponse(application), order };
  }
}
