import { AuditModule } from '@hst/audit';
import { OutboxModule } from '@hst/outbox';
import { QueueModule, QueueName } from '@hst/queue';
import { SubjectsModule } from '@hst/subjects';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificateCounterEntity } from './entities/certificate-counter.entity';
import { CertificateEntity } from './entities/certificate.entity';
import { ObjectionEntity } from './entities/objection.entity';
import { PublicDataAuthorizationEntity } from './entities/public-data-authorization.entity';
import { RegistrationEntity } from './entities/registration.entity';
import { SigningKeyEntity } from './entities/signing-key.entity';
import { CertificateService } from './services/certificate.service';
import { PublicDataAuthorizationService } from './services/public-data-authorization.service';
import { RegistrationNoticeQueue } from './services/registration-notice-queue.service';
import { RegistrationService } from './services/registration.service';
import { SigningKeys } from './services/signing-keys.service';

/** Data registration and rights confirmation (数据登记确权), certificates, public-data authorizations. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      RegistrationEntity,
      ObjectionEntity,
      CertificateEntity,
      CertificateCounterEntity,
      SigningKeyEntity,
      PublicDataAuthorizationEntity,
    ]),
    AuditModule,
    OutboxModule,
    SubjectsModule,
    QueueModule.register(QueueName.RegistrationNotice),
  ],
  providers: [
    SigningKeys,
    CertificateService,
    PublicDataAuthorizationService,
    RegistrationService,
    RegistrationNoticeQueue,
  ],
  exports: [CertificateService, PublicDataAuthorizationService, RegistrationService],
})
export class RegistryModule {}
