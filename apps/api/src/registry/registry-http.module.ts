import { RegistryModule } from '@hst/registry';
import { Module } from '@nestjs/common';
import { CertificatesController } from './certificates.controller';
import { PublicDataAuthorizationsController } from './public-data-authorizations.controller';
import { RegistrationsController } from './registrations.controller';

/** Registry routes: registrations, objections, certificates, public-data authorizations. */
@Module({
  imports: [RegistryModule],
  controllers: [RegistrationsController, CertificatesController, PublicDataAuthorizationsController],
})
export class RegistryHttpModule {}
