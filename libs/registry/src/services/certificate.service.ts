import { AuditActor, AuditService, auditActorOf } from '@hst/audit';
import { Actor, Env, nextState, NotFoundError, shanghaiYear } from '@hst/common';
import { OutboxService } from '@hst/outbox';
import { roleFor, SubjectEntity } from '@hst/subjects';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CertificateFacts, DataRight, RegistryEvents, SourceType } from '../certificate-lookup';
import { effectiveStatus, signedFields, toCertificateResponse } from '../certificate.mapper';
import { signCertificate, verifyCertificateSignature } from '../certificate-signature';
import type { CertificateResponse, CertificateVerification, SigningKeyResponse } from '../dto/registry.responses';
import { CertificateEntity } from '../entities/certificate.entity';
import { RegistrationEntity } from '../entities/registration.entity';
import { RegistryErrorCode, RegistryException } from '../exceptions/registry.exception';
import { CERTIFICATE_MACHINE, CertificateAction } from '../registration-status';
import { SigningKeys } from './signing-keys.service';

const DAY_MS = 86_400_000;

export type CertificateToIssue = {
  registrationId: string;
  holder: Pick<SubjectEntity, 'id' | 'name' | 'uscc'>;
  assetName: string;
  rights: DataRight[];
  contentDigest: string;
  category: string;
  sourceType: SourceType;
  /** Defaults to now + CERTIFICATE_VALIDITY_DAYS; a transferred certificate keeps its predecessor's. */
  validUntil?: Date;
  predecessorCertNo?: string;
};

/** Certificates (数据资产登记证书): issued, signed, verified, revoked and transferred here only. */
@Injectable()
export class CertificateService {
  private readonly validityDays: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: SigningKeys,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    config: ConfigService<Env, true>,
  ) {
    this.validityDays = config.get('CERTIFICATE_VALIDITY_DAYS', { infer: true });
  }

  /**
   * Issues the year's next certificate in the caller's transaction. The counter row stays locked until
   * that transaction ends, so numbers are gapless and unique however many are issued at once.
   */
  async issue(manager: EntityManager, input: CertificateToIssue, actor: AuditActor | null): Promise<CertificateEntity> {
    const issuedAt = new Date();
    const year = shanghaiYear(issuedAt);
    const [counter] = await manager.query<{ last_value: number }[]>(
      `INSERT INTO certificate_counters (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = certificate_counters.last_value + 1
       RETURNING last_value`,
      [year],
    );
    const certNo = `WHDR-${year}-${String(counter.last_value).padStart(6, '0')}`;
    const key = this.keys.activeKey();
    const cert = manager.create(CertificateEntity, {
      certNo,
      registrationId: input.registrationId,
      holderId: input.holder.id,
      holderName: input.holder.name,
      holderUscc: input.holder.uscc,
      assetName: input.assetName,
      rights: input.rights,
      contentDigest: input.contentDigest,
      category: input.category,
      sourceType: input.sourceType,
      issuedAt,
      validUntil: input.validUntil ?? new Date(issuedAt.getTime() + this.validityDays * DAY_MS),
      status: 'valid',
      keyId: key.keyId,
      signature: '',
      successorCertNo: null,
      predecessorCertNo: input.predecessorCertNo ?? null,
      statusReason: null,
    });
    cert.signature = signCertificate(signedFields(cert), key.privateKey);
    await manager.insert(CertificateEntity, cert);
    const data = { registrationId: cert.registrationId, holderId: cert.holderId, keyId: cert.keyId };
    await this.audit.record(manager, {
      actor,
      action: 'certificate.issued',
      entityType: 'certificate',
      entityId: certNo,
      data,
    });
    await this.outbox.publish(manager, {
      type: 'certificate.issued',
      aggregateType: 'certificate',
      aggregateId: certNo,
      payload: data,
    });
    return cert;
  }

  async get(certNo: string): Promise<CertificateResponse> {
    return toCertificateResponse(await this.find(this.dataSource.manager, certNo));
  }

  /** Checks signature, status and validity period; every failed check is a reason. */
  async verify(certNo: string): Promise<CertificateVerification> {
    const cert = await this.find(this.dataSource.manager, certNo);
    const reasons: string[] = [];
    const publicKey = await this.keys.publicKey(cert.keyId);
    if (!publicKey) reasons.push(`signing key ${cert.keyId} is unknown`);
    else if (!verifyCertificateSignature(signedFields(cert), cert.signature, publicKey)) {
      reasons.push('signature does not match the certificate');
    }
    const now = Date.now();
    if (cert.status !== 'valid') reasons.push(`certificate is ${cert.status}`);
    if (now < cert.issuedAt.getTime()) reasons.push('certificate is not valid yet');
    if (now >= cert.validUntil.getTime()) reasons.push('certificate has expired');
    return { valid: reasons.length === 0, reasons };
  }

  keysList(): Promise<SigningKeyResponse[]> {
    return this.keys.list();
  }

  /** What the catalog needs to know to list a product on this certificate. */
  async facts(certNo: string, manager: EntityManager = this.dataSource.manager): Promise<CertificateFacts | undefined> {
    const cert = await manager.findOneBy(CertificateEntity, { certNo });
    if (!cert) return undefined;
    return {
      certNo: cert.certNo,
      registrationId: cert.registrationId,
      holderId: cert.holderId,
      holderName: cert.holderName,
      assetName: cert.assetName,
      rights: cert.rights,
      contentDigest: cert.contentDigest,
      category: cert.category,
      sourceType: cert.sourceType,
      status: effectiveStatus(cert),
      validUntil: cert.validUntil,
    };
  }

  async revoke(actor: Actor, certNo: string, reason: string): Promise<CertificateResponse> {
    roleFor(actor, ['admin']);
    return this.dataSource.transaction(async (manager) => {
      const cert = await this.transition(manager, certNo, 'revoke');
      cert.statusReason = reason;
      await manager.save(cert);
      await this.record(manager, actor, 'admin', 'certificate.revoked', { certNo, reason });
      return toCertificateResponse(cert);
    });
  }

  /** The holder hands the certificate to another subject: the old one ends, the receiver gets a new one. */
  async transfer(actor: Actor, certNo: string, toSubjectId: string): Promise<CertificateResponse> {
    return this.dataSource.transaction(async (manager) => {
      const old = await this.find(manager, certNo, true);
      if (old.holderId !== actor.subjectId) throw new RegistryException(RegistryErrorCode.NotHolder);
      const cert = await this.transition(manager, certNo, 'transfer', old);
      if (toSubjectId === actor.subjectId) throw new RegistryException(RegistryErrorCode.TransferToSelf);
      const receiver = await manager.findOneBy(SubjectEntity, { id: toSubjectId, status: 'active' });
      if (!receiver) throw new RegistryException(RegistryErrorCode.TransferTargetUnknown);
      await manager.save(cert); // before the successor: one valid certificate per registration at a time
      const successor = await this.issue(
        manager,
        {
          registrationId: old.registrationId,
          holder: receiver,
          assetName: old.assetName,
          rights: old.rights,
          contentDigest: old.contentDigest,
          category: old.category,
          sourceType: old.sourceType,
          validUntil: old.validUntil,
          predecessorCertNo: old.certNo,
        },
        auditActorOf(actor),
      );
      cert.successorCertNo = successor.certNo;
      await manager.save(cert);
      // The registration points at its current certificate.
      await manager.update(RegistrationEntity, { id: old.registrationId }, { certNo: successor.certNo });
      await this.record(manager, actor, actor.roles[0], 'certificate.transferred', {
        certNo,
        successorCertNo: successor.certNo,
        toSubjectId,
      });
      return toCertificateResponse(cert);
    });
  }

  private async transition(
    manager: EntityManager,
    certNo: string,
    action: CertificateAction,
    locked?: CertificateEntity,
  ): Promise<CertificateEntity> {
    const cert = locked ?? (await this.find(manager, certNo, true));
    // Targets are revoked or transferred, never expired: the cast only narrows the machine's state type.
    cert.status = nextState(CERTIFICATE_MACHINE, effectiveStatus(cert), action) as CertificateEntity['status'];
    return cert;
  }

  private async record<T extends 'certificate.revoked' | 'certificate.transferred'>(
    manager: EntityManager,
    actor: Actor,
    role: string,
    type: T,
    payload: RegistryEvents[T],
  ): Promise<void> {
    const entityId = payload.certNo;
    await this.audit.record(manager, {
      actor: auditActorOf(actor, role),
      action: type,
      entityType: 'certificate',
      entityId,
      data: payload,
    });
    await this.outbox.publish(manager, { type, aggregateType: 'certificate', aggregateId: entityId, payload });
  }

  private async find(manager: EntityManager, certNo: string, lock = false): Promise<CertificateEntity> {
    const cert = await manager.findOne(CertificateEntity, {
      where: { certNo },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!cert) throw new NotFoundError('certificate', certNo);
    return cert;
  }
}
