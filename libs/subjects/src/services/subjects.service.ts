import { AuditService, auditActorOf } from '@hst/audit';
import { Actor, DomainError, ErrorKind, hasRole, newestFirstPage, nextState, NotFoundError, Page } from '@hst/common';
import { isUniqueViolation } from '@hst/database';
import { OutboxService } from '@hst/outbox';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CreateSubjectDto, NewUserDto, RegisterDto, SubjectFieldsDto } from '../dto/register.dto';
import type { SubjectsQuery } from '../dto/subject-actions.dto';
import type { SignUpResponse, SubjectResponse } from '../dto/subject.response';
import { SubjectEntity } from '../entities/subject.entity';
import { UserEntity } from '../entities/user.entity';
import { SubjectErrorCode, SubjectException } from '../exceptions/subject.exception';
import { toSubjectResponse } from '../subject.mapper';
import { roleFor, SUBJECT_ACTION_ROLES, SUBJECT_READER_ROLES } from '../subject-policy';
import { SUBJECT_EVENT, SUBJECT_MACHINE, SubjectAction, SubjectStatus } from '../subject-status';
import { PasswordHasher } from './password-hasher.service';

type NewSubject = {
  subject: SubjectFieldsDto & { roles: SubjectEntity['roles'] };
  user: NewUserDto;
  status: SubjectStatus;
  isPlatform?: boolean;
};

@Injectable()
export class SubjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Self-registration: the subject waits, `pending`, for an admin's approval. */
  async register(dto: RegisterDto): Promise<SignUpResponse> {
    const { subject, user } = await this.insertSubjectWithUser(null, { ...dto, status: 'pending' });
    return { subjectId: subject.id, userId: user.id, status: subject.status };
  }

  /** A subject created by the platform (e.g. a regulator), active at once. */
  async create(actor: Actor, dto: CreateSubjectDto): Promise<SubjectResponse> {
    roleFor(actor, ['admin']);
    const { subject } = await this.insertSubjectWithUser(actor, { ...dto, status: 'active' });
    return toSubjectResponse(subject);
  }

  async get(actor: Actor, id: string): Promise<SubjectResponse> {
    const subject = await this.dataSource.getRepository(SubjectEntity).findOneBy({ id });
    if (!subject || !this.canRead(actor, subject)) throw new NotFoundError('subject', id);
    return toSubjectResponse(subject);
  }

  async list(actor: Actor, query: SubjectsQuery): Promise<Page<SubjectResponse>> {
    roleFor(actor, SUBJECT_READER_ROLES);
    const qb = this.dataSource.getRepository(SubjectEntity).createQueryBuilder('s');
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.role) qb.andWhere(':role = ANY(s.roles)', { role: query.role });
    if (query.q) {
      const pattern = query.q.replace(/[\\%_]/g, (c) => `\\${c}`);
      qb.andWhere('(s.name ILIKE :contains OR s.uscc LIKE :prefix)', {
        contains: `%${pattern}%`,
        prefix: `${pattern.toUpperCase()}%`,
      });
    }
    return newestFirstPage(qb, query, { column: 'created_at', of: (s) => s.createdAt }, toSubjectResponse);
  }

  /** The one place a subject changes state: checks the transition, writes row, audit and outbox together. */
  async transition(actor: Actor, id: string, action: SubjectAction, reason?: string): Promise<SubjectResponse> {
    const role = roleFor(actor, SUBJECT_ACTION_ROLES[action]);
    return this.dataSource.transaction(async (manager) => {
      const subject = await manager.findOne(SubjectEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!subject) throw new NotFoundError('subject', id);
      const from = subject.status;
      const to = nextState(SUBJECT_MACHINE, from, action);
      if (subject.isPlatform) {
        throw new DomainError(ErrorKind.Rejected, 'platform_subject', 'The platform subject cannot change state');
      }
      subject.status = to;
      subject.statusReason = reason ?? null;
      await manager.save(subject);
      const change = { from, to, ...(reason === undefined ? {} : { reason }) };
      await this.audit.record(manager, {
        actor: auditActorOf(actor, role),
        action: SUBJECT_EVENT[action],
        entityType: 'subject',
        entityId: id,
        data: change,
      });
      await this.outbox.publish(manager, {
        type: SUBJECT_EVENT[action],
        aggregateType: 'subject',
        aggregateId: id,
        payload: change,
      });
      return toSubjectResponse(subject);
    });
  }

  /** Creates a subject and its first user, or 409 naming the duplicate. Used by bootstrap too. */
  async insertSubjectWithUser(
    actor: Actor | null,
    input: NewSubject,
    manager?: EntityManager,
  ): Promise<{ subject: SubjectEntity; user: UserEntity }> {
    const passwordHash = await this.hasher.hash(input.user.password);
    const work = async (em: EntityManager) => {
      if (await em.existsBy(SubjectEntity, { uscc: input.subject.uscc })) {
        throw new SubjectException(SubjectErrorCode.DuplicateUscc);
      }
      if (await em.existsBy(UserEntity, { email: input.user.email })) {
        throw new SubjectException(SubjectErrorCode.DuplicateEmail);
      }
      const subject = await em.save(
        em.create(SubjectEntity, {
          name: input.subject.name,
          uscc: input.subject.uscc,
          kind: input.subject.kind,
          roles: input.subject.roles,
          status: input.status,
          district: input.subject.district ?? null,
          legalRepresentative: input.subject.legalRepresentative ?? null,
          payoutAccount: input.subject.payoutAccount ?? null,
          statusReason: null,
          isPlatform: input.isPlatform ?? false,
        }),
      );
      const user = await em.save(
        em.create(UserEntity, {
          subjectId: subject.id,
          email: input.user.email,
          passwordHash,
          displayName: input.user.displayName,
        }),
      );
      const auditActor = actor ? auditActorOf(actor, 'admin') : { userId: user.id, subjectId: subject.id };
      const data = {
        name: subject.name,
        uscc: subject.uscc,
        kind: subject.kind,
        roles: subject.roles,
        status: subject.status,
        userId: user.id,
      };
      const action = actor ? 'subject.created' : 'subject.registered';
      await this.audit.record(em, { actor: auditActor, action, entityType: 'subject', entityId: subject.id, data });
      await this.outbox.publish(em, { type: action, aggregateType: 'subject', aggregateId: subject.id, payload: data });
      return { subject, user };
    };
    try {
      return await (manager ? work(manager) : this.dataSource.transaction(work));
    } catch (error) {
      // Two registrations racing past the checks above: the unique index decides.
      if (isUniqueViolation(error, 'UQ_subjects_uscc')) throw new SubjectException(SubjectErrorCode.DuplicateUscc);
      if (isUniqueViolation(error, 'UQ_users_email')) throw new SubjectException(SubjectErrorCode.DuplicateEmail);
      throw error;
    }
  }

  private canRead(actor: Actor, subject: SubjectEntity): boolean {
    return subject.id === actor.subjectId || hasRole(actor, ...SUBJECT_READER_ROLES);
  }
}
