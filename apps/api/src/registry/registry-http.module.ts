import { RegistryModule } from '@hst/registry';
import { Module } from '@nestjs/common';

/** Registry routes: registrations, objections, certificates, public-data authorizations. */
@Module({ imports: [RegistryModule], controllers: [] })
export class RegistryHttpModule {}
