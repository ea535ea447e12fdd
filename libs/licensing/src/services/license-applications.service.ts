import { AuditActor, AuditService, auditActorOf } from '@hst/audit';
import { LicensableProduct, ProductsService } from '@hst/catalog';
import { Actor, hasRole, newestFirstPage, nextState, NotFoundError, Page } from '@hst/common';
import { OutboxService } from '@hst/outbox';
import { roleFor } from '@hst/subjects';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CreateLicenseApplicationDto, LicenseApplicationsQuery } from '../dto/licensing.dto';
import type { LicenseApplicationResponse } from '../dto/licensing.responses';
import { LicenseApplicationEntity } from '../entities/license-application.entity';
import { LicensingErrorCode, LicensingException } from '../exceptions/licensing.exception';
import { licenseAmountFen } from '../license-amount';
import { APPLICATION_EVENT, APPLICATION_MACHINE, ApplicationAction } from '../license-status';
import { toApplicationResponse } from '../licensing.mapper';
import { applicationRoleFor, LICENSING_READER_ROLES } from '../licensing-policy';

type Transition = {
  action: ApplicationAction;
  actor: AuditActor | null;
  data?: Record<string, unknown>;
  apply?: (application: LicenseApplicationEntity) => void;
};

/** An application and the product it is for, as the approval orchestration (trading) needs them. */
export type ApplicationWithProduct = { application: LicenseApplicationEntity; product: LicensableProduct };

/**
 * License applications (授权许可申请). Submitting and approving run in the caller's transaction
 * (`submit`, `approve`): trading turns an approval into an order atomically. Rejecting and withdrawing
 * are licensing's own.
 */
@Injectable()
export class LicenseApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly products: ProductsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** A new `pending` application by a buyer, checked against the product's pricing and policy. */
  async submit(
    manager: EntityManager,
    actor: Actor,
    dto: CreateLicenseApplicationDto,
  ): Promise<ApplicationWithProduct> {
    const role = roleFor(actor, ['buyer']);
    const product = await this.products.forLicensing(dto.productId, manager);
    if (!product) throw new LicensingException(LicensingErrorCode.ProductNotListed);
    if (product.vendorId === actor.subjectId) throw new LicensingException(LicensingErrorCode.OwnProduct);
    if (!product.visible) throw new LicensingException(LicensingErrorCode.ProductNotListed);
    const perCall = product.pricingModel === 'per_call';
    if (perCall && dto.calls === undefined) throw new LicensingException(LicensingErrorCode.CallsRequired);
    if (!perCall && dto.calls !== undefined) throw new LicensingException(LicensingErrorCode.CallsNotAllowed);
    if (!product.policy.purposes.includes(dto.purpose)) {
      throw new LicensingException(LicensingErrorCode.PurposeNotAllowed, product.policy.purposes.join(', '));
    }
    if (dto.termDays > product.policy.maxTermDays) {
      throw new LicensingException(LicensingErrorCode.TermTooLong, String(product.policy.maxTermDays));
    }
    const calls = perCall ? (dto.calls ?? null) : null;
    const amountFen = licenseAmountFen(
      { model: product.pricingModel, priceFen: product.priceFen },
      dto.termDays,
      calls,
    );
    if (amountFen === undefined) throw new LicensingException(LicensingErrorCode.AmountOutOfRange);
    const application = await manager.save(
      manager.create(LicenseApplicationEntity, {
        productId: product.id,
        buyerId: actor.subjectId,
        vendorId: product.vendorId,
        purpose: dto.purpose,
        purposeDetail: dto.purposeDetail,
        termDays: dto.termDays,
        calls,
        amountFen,
        status: 'pending',
        orderId: null,
        rejectReason: null,
        policy: null,
        decidedAt: null,
      }),
    );
    await this.record(manager, 'license_application.submitted', application.id, auditActorOf(actor, role), {
      productId: product.id,
      vendorId: product.vendorId,
      purpose: dto.purpose,
      termDays: dto.termDays,
      calls,
      amountFen,
    });
    return { application, product };
  }

  /**
   * Approves in the caller's transaction, freezing the product policy and naming the order that the
   * caller (trading) creates in the same transaction. `actor` null: the policy's autoApprove.
   */
  async approve(
    manager: EntityManager,
    actor: Actor | null,
    id: string,
    orderId: string,
  ): Promise<ApplicationWithProduct> {
    const application = await this.lock(manager, id);
    const role = actor ? applicationRoleFor(actor, application, 'approve') : null;
    nextState(APPLICATION_MACHINE, application.status, 'approve'); // 409 before the product's 422
    const product = await this.products.forLicensing(application.productId, manager);
    if (!product?.visible) throw new LicensingException(LicensingErrorCode.ProductNotListed);
    const decidedAt = new Date();
    await this.apply(manager, application, {
      action: 'approve',
      actor: actor && role ? auditActorOf(actor, role) : null,
      data: { orderId, autoApproved: actor === null },
      apply: (a) => {
        a.orderId = orderId;
        a.policy = product.policy;
        a.decidedAt = decidedAt;
      },
    });
    return { application, product };
  }

  async reject(actor: Actor, id: string, reason: string): Promise<LicenseApplicationResponse> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.lock(manager, id);
      const role = applicationRoleFor(actor, application, 'reject');
      await this.apply(manager, application, {
        action: 'reject',
        actor: auditActorOf(actor, role),
        data: { reason },
        apply: (a) => {
          a.rejectReason = reason;
          a.decidedAt = new Date();
        },
      });
      return toApplicationResponse(application);
    });
  }

  async withdraw(actor: Actor, id: string): Promise<LicenseApplicationResponse> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.lock(manager, id);
      const role = applicationRoleFor(actor, application, 'withdraw');
      await this.apply(manager, application, { action: 'withdraw', actor: auditActorOf(actor, role) });
      return toApplicationResponse(application);
    });
  }

  async get(actor: Actor, id: string): Promise<LicenseApplicationResponse> {
    const application = await this.dataSource.getRepository(LicenseApplicationEntity).findOneBy({ id });
    if (!application) throw new NotFoundError('license application', id);
    applicationRoleFor(actor, application, 'read');
    return toApplicationResponse(application);
  }

  /** The caller's applications as buyer or vendor; every application for admin and regulator. */
  async list(actor: Actor, query: LicenseApplicationsQuery): Promise<Page<LicenseApplicationResponse>> {
    const qb = this.dataSource.getRepository(LicenseApplicationEntity).createQueryBuilder('a');
    if (!hasRole(actor, ...LICENSING_READER_ROLES)) {
      qb.andWhere('(a.buyer_id = :me OR a.vendor_id = :me)', { me: actor.subjectId });
    }
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.productId) qb.andWhere('a.product_id = :productId', { productId: query.productId });
    return newestFirstPage(qb, query, { column: 'created_at', of: (a) => a.createdAt }, toApplicationResponse);
  }

  /** An approved application in the caller's transaction (trading issues its license at payment). */
  async approvedForIssue(manager: EntityManager, id: string): Promise<LicenseApplicationEntity> {
    const application = await manager.findOneBy(LicenseApplicationEntity, { id });
    if (application?.status !== 'approved' || application.policy === null) {
      throw new NotFoundError('approved license application', id);
    }
    return application;
  }

  /** The one place an application changes state: checked, and row, audit and outbox written together. */
  private async apply(manager: EntityManager, application: LicenseApplicationEntity, t: Transition): Promise<void> {
    const from = application.status;
    application.status = nextState(APPLICATION_MACHINE, from, t.action);
    t.apply?.(application);
    await manager.save(application);
    await this.record(manager, APPLICATION_EVENT[t.action], application.id, t.actor, {
      from,
      to: application.status,
      productId: application.productId,
      buyerId: application.buyerId,
      vendorId: application.vendorId,
      ...t.data,
    });
  }

  private async record(
    manager: EntityManager,
    action: string,
    id: string,
    actor: AuditActor | null,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(manager, { actor, action, entityType: 'license_application', entityId: id, data });
    await this.outbox.publish(manager, {
      type: action,
      aggregateType: 'license_application',
      aggregateId: id,
      payload: data,
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<LicenseApplicationEntity> {
    const application = await manager.findOne(LicenseApplicationEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!application) throw new NotFoundError('license application', id);
    return application;
  }
}
