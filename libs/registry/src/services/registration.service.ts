import { AuditActor, AuditService, auditActorOf } from '@hst/audit';
import {
  Actor,
  DomainError,
  Env,
  ErrorKind,
  hasRole,
  newestFirstPage,
  nextState,
  NotFoundError,
  Page,
} from '@hst/common';
import { OutboxService } from '@hst/outbox';
import { eachApart, sweepDue } from '@hst/database';
import { roleFor, SubjectEntity } from '@hst/subjects';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CreateRegistrationDto, RegistrationsQuery, ResolveObjectionDto } from '../dto/registration.dto';
import type { PublicNoticeResponse, RegistrationResponse } from '../dto/registry.responses';
import { ObjectionEntity } from '../entities/objection.entity';
import { RegistrationEntity } from '../entities/registration.entity';
import { RegistryErrorCode, RegistryException } from '../exceptions/registry.exception';
import { toPublicNotice, toRegistrationResponse } from '../registration.mapper';
import {
  PUBLIC_NOTICE_STATUSES,
  REGISTRATION_EVENT,
  REGISTRATION_MACHINE,
  RegistrationAction,
} from '../registration-status';
import { CertificateService } from './certificate.service';
import { PublicDataAuthorizationService } from './public-data-authorization.service';
import { RegistrationNoticeQueue } from './registration-notice-queue.service';

/** Who reads every registration in full; the applicant reads its own. */
const FULL_READERS = ['admin', 'regulator'] as const;

type Transition = {
  action: RegistrationAction;
  actor: AuditActor | null;
  data?: Record<string, unknown>;
  /** Changes the row needs beside its status, applied before it is saved. */
  apply?: (registration: RegistrationEntity) => void;
};

/** Registration and rights confirmation (数据登记确权): submission, review, public notice, objections. */
@Injectable()
export class RegistrationService {
  private readonly logger = new Logger(RegistrationService.name);
  private readonly noticeMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly certificates: CertificateService,
    private readonly authorizations: PublicDataAuthorizationService,
    private readonly notices: RegistrationNoticeQueue,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    config: ConfigService<Env, true>,
  ) {
    this.noticeMs = config.get('REGISTRATION_NOTICE_SECONDS', { infer: true }) * 1000;
  }

  async create(actor: Actor, dto: CreateRegistrationDto): Promise<RegistrationResponse> {
    const role = roleFor(actor, ['vendor', 'operator']);
    const sensitivity = dto.sensitivity;
    if (sensitivity === 'core') throw new RegistryException(RegistryErrorCode.CoreDataNotTradable);
    return this.dataSource.transaction(async (manager) => {
      if (
        dto.sourceType === 'public' &&
        !(await this.authorizations.hasActiveCovering(actor.subjectId, dto.category, manager))
      ) {
        throw new RegistryException(RegistryErrorCode.PublicDataNotAuthorized);
      }
      const registration = await manager.save(
        manager.create(RegistrationEntity, {
          applicantId: actor.subjectId,
          assetName: dto.assetName,
          description: dto.description,
          category: dto.category,
          sourceType: dto.sourceType,
          acquisition: dto.acquisition,
          sourceStatement: dto.sourceStatement,
          rightsClaimed: dto.rightsClaimed,
          contentDigest: dto.contentDigest,
          recordCount: String(dto.recordCount),
          fieldSchema: dto.fieldSchema.map((f) => ({ ...f })),
          sensitivity,
          status: 'submitted',
          noticeEndsAt: null,
          noticeRemainingMs: null,
          certNo: null,
          rejectReason: null,
        }),
      );
      const data = { assetName: dto.assetName, category: dto.category, rightsClaimed: dto.rightsClaimed };
      await this.record(manager, 'registration.submitted', registration.id, auditActorOf(actor, role), data);
      return toRegistrationResponse(registration, []);
    });
  }

  async get(actor: Actor, id: string): Promise<RegistrationResponse | PublicNoticeResponse> {
    const registration = await this.dataSource.getRepository(RegistrationEntity).findOneBy({ id });
    if (!registration) throw new NotFoundError('registration', id);
    return this.view(actor, registration);
  }

  /** Full registrations for their readers; everyone else sees the public notices (公示) only. */
  async list(actor: Actor, query: RegistrationsQuery): Promise<Page<RegistrationResponse | PublicNoticeResponse>> {
    const qb = this.dataSource.getRepository(RegistrationEntity).createQueryBuilder('r');
    if (query.mine) qb.andWhere('r.applicant_id = :me', { me: actor.subjectId });
    else if (!hasRole(actor, ...FULL_READERS)) {
      qb.andWhere('(r.applicant_id = :me OR r.status IN (:...notice))', {
        me: actor.subjectId,
        notice: PUBLIC_NOTICE_STATUSES,
      });
    }
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    const page = await newestFirstPage(qb, query, { column: 'created_at', of: (r) => r.createdAt }, (r) => r);
    const objections = await this.objectionsOf(page.items.map((r) => r.id));
    const applicants = await this.applicantsOf(page.items.map((r) => r.applicantId));
    return {
      items: page.items.map((r) =>
        this.canReadFull(actor, r)
          ? toRegistrationResponse(r, objections.get(r.id) ?? [])
          : toPublicNotice(r, applicants.get(r.applicantId)!),
      ),
      nextCursor: page.nextCursor,
    };
  }

  async startNotice(actor: Actor, id: string): Promise<RegistrationResponse> {
    roleFor(actor, ['admin']);
    const endsAt = new Date(Date.now() + this.noticeMs);
    const registration = await this.transition(id, {
      action: 'startNotice',
      actor: auditActorOf(actor, 'admin'),
      data: { noticeEndsAt: endsAt.toISOString() },
      apply: (r) => (r.noticeEndsAt = endsAt),
    });
    await this.notices.schedule(id, endsAt);
    return registration;
  }

  async reject(actor: Actor, id: string, reason: string): Promise<RegistrationResponse> {
    roleFor(actor, ['admin']);
    return this.transition(id, {
      action: 'reject',
      actor: auditActorOf(actor, 'admin'),
      data: { reason },
      apply: (r) => (r.rejectReason = reason),
    });
  }

  /** An objection during the notice pauses it; the time left is kept for a dismissal. */
  async object(actor: Actor, id: string, reason: string): Promise<RegistrationResponse | PublicNoticeResponse> {
    return this.dataSource.transaction(async (manager) => {
      const registration = await this.lock(manager, id);
      const readable = this.canReadFull(actor, registration) || PUBLIC_NOTICE_STATUSES.includes(registration.status);
      if (!readable) throw new NotFoundError('registration', id);
      if (registration.applicantId === actor.subjectId)
        throw new RegistryException(RegistryErrorCode.ApplicantCannotObject);
      nextState(REGISTRATION_MACHINE, registration.status, 'object'); // 409 while objected: one open objection at a time
      const remaining = (registration.noticeEndsAt?.getTime() ?? 0) - Date.now();
      if (remaining <= 0) {
        throw new DomainError(ErrorKind.Conflict, 'notice_ended', 'The public notice has ended');
      }
      const objection = await manager.save(
        manager.create(ObjectionEntity, {
          registrationId: id,
          objectorId: actor.subjectId,
          reason,
          status: 'open',
          note: null,
          resolvedAt: null,
        }),
      );
      await this.apply(manager, registration, {
        action: 'object',
        actor: auditActorOf(actor),
        data: { objectionId: objection.id, reason },
        apply: (r) => {
          r.noticeRemainingMs = remaining;
          r.noticeEndsAt = null;
        },
      });
      return this.view(actor, registration, manager);
    });
  }

  async resolveObjection(actor: Actor, id: string, dto: ResolveObjectionDto): Promise<RegistrationResponse> {
    roleFor(actor, ['admin']);
    let resumedUntil: Date | undefined;
    const result = await this.dataSource.transaction(async (manager) => {
      const registration = await this.lock(manager, id);
      const action: RegistrationAction = dto.upheld ? 'upholdObjection' : 'dismissObjection';
      nextState(REGISTRATION_MACHINE, registration.status, action); // refuse before touching the objection
      const objection = await manager.findOneByOrFail(ObjectionEntity, { registrationId: id, status: 'open' });
      objection.status = dto.upheld ? 'upheld' : 'dismissed';
      objection.note = dto.note;
      objection.resolvedAt = new Date();
      await manager.save(objection);
      await this.apply(manager, registration, {
        action,
        actor: auditActorOf(actor, 'admin'),
        data: { objectionId: objection.id, note: dto.note },
        apply: (r) => {
          if (dto.upheld) r.rejectReason = dto.note;
          else {
            resumedUntil = new Date(Date.now() + (r.noticeRemainingMs ?? 0));
            r.noticeEndsAt = resumedUntil;
          }
          r.noticeRemainingMs = null;
        },
      });
      return toRegistrationResponse(registration, await this.objectionsFor(manager, id));
    });
    if (resumedUntil) await this.notices.schedule(id, resumedUntil);
    return result;
  }

  /**
   * The worker's half: when the notice is over and no objection is open, issue the certificate and
   * register. Safe to call any number of times, at once or late: the row lock and the status decide.
   */
  async endNotice(id: string): Promise<'registered' | 'lapsed' | 'not_due'> {
    return this.dataSource.transaction(async (manager) => {
      const registration = await manager.findOne(RegistrationEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      const due =
        registration?.status === 'in_notice' &&
        registration.noticeEndsAt !== null &&
        registration.noticeEndsAt.getTime() <= Date.now();
      if (!registration || !due) return 'not_due';
      if (
        registration.sourceType === 'public' &&
        !(await this.authorizations.hasActiveCovering(registration.applicantId, registration.category, manager))
      ) {
        const reason = 'The public-data authorization covering this category ended during the notice';
        await this.apply(manager, registration, {
          action: 'lapse',
          actor: null,
          data: { reason },
          apply: (r) => (r.rejectReason = reason),
        });
        return 'lapsed';
      }
      const holder = await manager.findOneByOrFail(SubjectEntity, { id: registration.applicantId });
      const cert = await this.certificates.issue(
        manager,
        {
          registrationId: id,
          holder,
          assetName: registration.assetName,
          rights: registration.rightsClaimed,
          contentDigest: registration.contentDigest,
          category: registration.category,
          sourceType: registration.sourceType,
        },
        null,
      );
      await this.apply(manager, registration, {
        action: 'register',
        actor: null,
        data: { certNo: cert.certNo },
        apply: (r) => (r.certNo = cert.certNo),
      });
      return 'registered';
    });
  }

  /** Ends every notice that is due, past any that fail: the net under delayed jobs that Redis lost. */
  endDueNotices(): Promise<number> {
    return sweepDue(
      this.dataSource,
      { table: 'registrations', dueAt: 'notice_ends_at', where: `status = 'in_notice' AND notice_ends_at <= now()` },
      (ids) =>
        eachApart(
          ids,
          async (id) => (await this.endNotice(id)) !== 'not_due',
          (id, error) => this.logger.error(`notice end of registration ${id} failed: ${error.message}`),
        ),
    );
  }

  private async transition(id: string, transition: Transition): Promise<RegistrationResponse> {
    return this.dataSource.transaction(async (manager) => {
      const registration = await this.lock(manager, id);
      await this.apply(manager, registration, transition);
      return toRegistrationResponse(registration, await this.objectionsFor(manager, id));
    });
  }

  /** The one place a registration changes state: the transition is checked, and row, audit and outbox written together. */
  private async apply(manager: EntityManager, registration: RegistrationEntity, t: Transition): Promise<void> {
    const from = registration.status;
    registration.status = nextState(REGISTRATION_MACHINE, from, t.action);
    t.apply?.(registration);
    await manager.save(registration);
    await this.record(manager, REGISTRATION_EVENT[t.action], registration.id, t.actor, {
      from,
      to: registration.status,
      ...t.data,
    });
  }

  private async record(
    manager: EntityManager,
    type: string,
    id: string,
    actor: AuditActor | null,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(manager, { actor, action: type, entityType: 'registration', entityId: id, data });
    await this.outbox.publish(manager, { type, aggregateType: 'registration', aggregateId: id, payload: data });
  }

  private async lock(manager: EntityManager, id: string): Promise<RegistrationEntity> {
    const registration = await manager.findOne(RegistrationEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!registration) throw new NotFoundError('registration', id);
    return registration;
  }

  private async view(
    actor: Actor,
    registration: RegistrationEntity,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RegistrationResponse | PublicNoticeResponse> {
    if (this.canReadFull(actor, registration)) {
      return toRegistrationResponse(registration, await this.objectionsFor(manager, registration.id));
    }
    if (!PUBLIC_NOTICE_STATUSES.includes(registration.status)) throw new NotFoundError('registration', registration.id);
    const applicant = await manager.findOneByOrFail(SubjectEntity, { id: registration.applicantId });
    return toPublicNotice(registration, { id: applicant.id, name: applicant.name, uscc: applicant.uscc });
  }

  private canReadFull(actor: Actor, registration: RegistrationEntity): boolean {
    return registration.applicantId === actor.subjectId || hasRole(actor, ...FULL_READERS);
  }

  private objectionsFor(manager: EntityManager, id: string): Promise<ObjectionEntity[]> {
    return manager.find(ObjectionEntity, { where: { registrationId: id }, order: { createdAt: 'ASC' } });
  }

  private async objectionsOf(ids: string[]): Promise<Map<string, ObjectionEntity[]>> {
    const map = new Map<string, ObjectionEntity[]>();
    if (ids.length === 0) return map;
    const rows = await this.dataSource
      .getRepository(ObjectionEntity)
      .find({ where: { registrationId: In(ids) }, order: { createdAt: 'ASC' } });
    for (const o of rows) map.set(o.registrationId, [...(map.get(o.registrationId) ?? []), o]);
    return map;
  }

  private async applicantsOf(ids: string[]): Promise<Map<string, { id: string; name: string; uscc: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(SubjectEntity).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((s) => [s.id, { id: s.id, name: s.name, uscc: s.uscc }]));
  }
}
