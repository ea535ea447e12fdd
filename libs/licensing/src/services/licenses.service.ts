import { AuditActor, AuditService, auditActorOf } from '@hst/audit';
import { Actor, hasRole, newestFirstPage, nextState, NotFoundError, Page } from '@hst/common';
import { OutboxService } from '@hst/outbox';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LicensesQuery } from '../dto/licensing.dto';
import type { LicenseResponse } from '../dto/licensing.responses';
import type { LicenseApplicationEntity } from '../entities/license-application.entity';
import { LicenseEntity } from '../entities/license.entity';
import {
  effectiveLicenseStatus,
  LICENSE_EVENT,
  LICENSE_MACHINE,
  LicenseAction,
  StoredLicenseStatus,
} from '../license-status';
import { toLicenseResponse } from '../licensing.mapper';
import { LICENSING_READER_ROLES, licenseRoleFor } from '../licensing-policy';

const DAY_MS = 86_400_000;

/** What a paid order turns into a license. */
export type LicenseToIssue = { application: LicenseApplicationEntity; orderId: string; validFrom: Date };

/** Licenses (授权许可): issued when their order is paid, then suspended, reinstated or revoked. */
@Injectable()
export class LicensesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Issues an `active` license in the caller's transaction (trading's payment): valid from the payment
   * for the application's term, with the application's calls as quota and its frozen policy.
   */
  async issue(manager: EntityManager, input: LicenseToIssue): Promise<LicenseEntity> {
    const { application, orderId, validFrom } = input;
    if (application.policy === null) throw new NotFoundError('approved license application', application.id);
    const license = await manager.save(
      manager.create(LicenseEntity, {
        applicationId: application.id,
        orderId,
        productId: application.productId,
        buyerId: application.buyerId,
        vendorId: application.vendorId,
        purpose: application.purpose,
        validFrom,
        validUntil: new Date(validFrom.getTime() + application.termDays * DAY_MS),
        callQuota: application.calls,
        callsUsed: 0,
        status: 'active',
        statusReason: null,
        policy: application.policy,
      }),
    );
    await this.record(manager, 'license.issued', license, null, {
      orderId,
      applicationId: application.id,
      validFrom: license.validFrom.toISOString(),
      validUntil: license.validUntil.toISOString(),
      callQuota: license.callQuota,
    });
    return license;
  }

  async get(actor: Actor, id: string): Promise<LicenseResponse> {
    const license = await this.dataSource.getRepository(LicenseEntity).findOneBy({ id });
    if (!license) throw new NotFoundError('license', id);
    licenseRoleFor(actor, license, 'read');
    return toLicenseResponse(license);
  }

  /** The caller's licenses as buyer or vendor; every license for admin and regulator. */
  async list(actor: Actor, query: LicensesQuery): Promise<Page<LicenseResponse>> {
    const qb = this.dataSource.getRepository(LicenseEntity).createQueryBuilder('l');
    if (!hasRole(actor, ...LICENSING_READER_ROLES)) {
      qb.andWhere('(l.buyer_id = :me OR l.vendor_id = :me)', { me: actor.subjectId });
    }
    if (query.status === 'expired') qb.andWhere(`l.status <> 'revoked' AND l.valid_until <= now()`);
    else if (query.status === 'revoked') qb.andWhere(`l.status = 'revoked'`);
    else if (query.status) qb.andWhere('l.status = :status AND l.valid_until > now()', { status: query.status });
    if (query.productId) qb.andWhere('l.product_id = :productId', { productId: query.productId });
    if (query.orderId) qb.andWhere('l.order_id = :orderId', { orderId: query.orderId });
    const now = new Date();
    return newestFirstPage(qb, query, { column: 'created_at', of: (l) => l.createdAt }, (l) =>
      toLicenseResponse(l, now),
    );
  }

  /** Suspend, reinstate or revoke (product owner, admin, regulator); an expired license is 409. */
  async transition(actor: Actor, id: string, action: LicenseAction, reason?: string): Promise<LicenseResponse> {
    return this.dataSource.transaction(async (manager) => {
      const license = await manager.findOne(LicenseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!license) throw new NotFoundError('license', id);
      const role = licenseRoleFor(actor, license, action);
      const from = effectiveLicenseStatus(license);
      license.status = nextState(LICENSE_MACHINE, from, action) as StoredLicenseStatus;
      license.statusReason = action === 'reinstate' ? null : (reason ?? null);
      await manager.save(license);
      await this.record(manager, LICENSE_EVENT[action], license, auditActorOf(actor, role), {
        from,
        to: license.status,
        ...(reason === undefined ? {} : { reason }),
      });
      return toLicenseResponse(license);
    });
  }

  /** A full refund revokes the order's license (the contract); in the refund's transaction, by the exchange. */
  async revokeForRefund(manager: EntityManager, id: string): Promise<void> {
    const license = await manager.findOne(LicenseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!license) return;
    const from = effectiveLicenseStatus(license);
    if (!LICENSE_MACHINE.transitions.revoke.from.includes(from)) return; // already revoked, or expired: nothing left to stop
    license.status = nextState(LICENSE_MACHINE, from, 'revoke') as StoredLicenseStatus;
    license.statusReason = 'order refunded in full';
    await manager.save(license);
    await this.record(manager, LICENSE_EVENT.revoke, license, null, {
      from,
      to: license.status,
      reason: license.statusReason,
    });
  }

  private async record(
    manager: EntityManager,
    action: string,
    license: LicenseEntity,
    actor: AuditActor | null,
    data: Record<string, unknown>,
  ): Promise<void> {
    const payload = { productId: license.productId, buyerId: license.buyerId, vendorId: license.vendorId, ...data };
    await this.audit.record(manager, { actor, action, entityType: 'license', entityId: license.id, data: payload });
    await this.outbox.publish(manager, { type: action, aggregateType: 'license', aggregateId: license.id, payload });
  }
}
