import { AuditService, auditActorOf } from '@hst/audit';
import { Actor, hasRole, newestFirstPage, nextState, NotFoundError, Page, PageQuery } from '@hst/common';
import { OutboxService } from '@hst/outbox';
import { roleFor, SubjectEntity } from '@hst/subjects';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RegistryEvents } from '../certificate-lookup';
import type { GrantAuthorizationDto } from '../dto/registration.dto';
import type { AuthorizationResponse } from '../dto/registry.responses';
import { PublicDataAuthorizationEntity } from '../entities/public-data-authorization.entity';
import { RegistryErrorCode, RegistryException } from '../exceptions/registry.exception';
import { AUTHORIZATION_MACHINE } from '../registration-status';

function toResponse(a: PublicDataAuthorizationEntity): AuthorizationResponse {
  return {
    id: a.id,
    operatorId: a.operatorId,
    domains: a.domains,
    scope: a.scope,
    validFrom: a.validFrom.toISOString(),
    validUntil: a.validUntil.toISOString(),
    authorityShareBps: a.authorityShareBps,
    status: a.status,
    revokeReason: a.revokeReason,
    createdAt: a.createdAt.toISOString(),
  };
}

/** Overall authorizations (整体授权) of operators over public-data domains (公共数据授权运营). */
@Injectable()
export class PublicDataAuthorizationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async grant(actor: Actor, dto: GrantAuthorizationDto): Promise<AuthorizationResponse> {
    roleFor(actor, ['admin']);
    const validFrom = new Date(dto.validFrom);
    const validUntil = new Date(dto.validUntil);
    if (validUntil <= validFrom) throw new RegistryException(RegistryErrorCode.InvalidPeriod);
    return this.dataSource.transaction(async (manager) => {
      const operator = await manager.findOneBy(SubjectEntity, { id: dto.operatorId, status: 'active' });
      if (!operator?.roles.includes('operator')) throw new RegistryException(RegistryErrorCode.OperatorUnknown);
      const saved = await manager.save(
        manager.create(PublicDataAuthorizationEntity, {
          operatorId: dto.operatorId,
          domains: dto.domains,
          scope: dto.scope,
          validFrom,
          validUntil,
          authorityShareBps: dto.authorityShareBps,
          status: 'active',
          revokeReason: null,
        }),
      );
      const data = { operatorId: saved.operatorId, domains: saved.domains, authorityShareBps: saved.authorityShareBps };
      await this.audit.record(manager, {
        actor: auditActorOf(actor, 'admin'),
        action: 'public_data_authorization.granted',
        entityType: 'public_data_authorization',
        entityId: saved.id,
        data,
      });
      await this.outbox.publish(manager, {
        type: 'public_data_authorization.granted',
        aggregateType: 'public_data_authorization',
        aggregateId: saved.id,
        payload: data,
      });
      return toResponse(saved);
    });
  }

  async list(actor: Actor, query: PageQuery): Promise<Page<AuthorizationResponse>> {
    const qb = this.dataSource.getRepository(PublicDataAuthorizationEntity).createQueryBuilder('a');
    if (!hasRole(actor, 'admin', 'regulator')) qb.andWhere('a.operator_id = :me', { me: actor.subjectId });
    return newestFirstPage(qb, query, { column: 'created_at', of: (a) => a.createdAt }, toResponse);
  }

  async get(actor: Actor, id: string): Promise<AuthorizationResponse> {
    const found = await this.dataSource.getRepository(PublicDataAuthorizationEntity).findOneBy({ id });
    if (!found || !(hasRole(actor, 'admin', 'regulator') || found.operatorId === actor.subjectId)) {
      throw new NotFoundError('public-data authorization', id);
    }
    return toResponse(found);
  }

  /** Revoking suspends, through its domain event, the operator's public-source products in these domains. */
  async revoke(actor: Actor, id: string, reason: string): Promise<AuthorizationResponse> {
    roleFor(actor, ['admin']);
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(PublicDataAuthorizationEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!found) throw new NotFoundError('public-data authorization', id);
      found.status = nextState(AUTHORIZATION_MACHINE, found.status, 'revoke');
      found.revokeReason = reason;
      await manager.save(found);
      const payload: RegistryEvents['public_data_authorization.revoked'] = {
        authorizationId: id,
        operatorId: found.operatorId,
        domains: found.domains,
      };
      await this.audit.record(manager, {
        actor: auditActorOf(actor, 'admin'),
        action: 'public_data_authorization.revoked',
        entityType: 'public_data_authorization',
        entityId: id,
        data: { ...payload, reason },
      });
      await this.outbox.publish(manager, {
        type: 'public_data_authorization.revoked',
        aggregateType: 'public_data_authorization',
        aggregateId: id,
        payload,
      });
      return toResponse(found);
    });
  }

  /** An active authorization of this operator covers the category now. */
  async hasActiveCovering(
    operatorId: string,
    category: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM public_data_authorizations
        WHERE operator_id = $1 AND status = 'active' AND $2 = ANY(domains) AND valid_from <= now() AND valid_until > now()
        LIMIT 1`,
      [operatorId, category],
    );
    return rows.length > 0;
  }

  /** The active authorization of this operator covering the category now (the latest granted), for its share. */
  async activeCovering(
    operatorId: string,
    category: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; authorityShareBps: number } | undefined> {
    const [row] = await manager.query<{ id: string; authority_share_bps: number }[]>(
      `SELECT id, authority_share_bps FROM public_data_authorizations
        WHERE operator_id = $1 AND status = 'active' AND $2 = ANY(domains) AND valid_from <= now() AND valid_until > now()
        ORDER BY created_at DESC, id DESC
        LIMIT 1`,
      [operatorId, category],
    );
    return row ? { id: row.id, authorityShareBps: Number(row.authority_share_bps) } : undefined;
  }
}
