import { AuditModule } from '@hst/audit';
import { CatalogModule } from '@hst/catalog';
import { OutboxModule } from '@hst/outbox';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LicenseApplicationEntity } from './entities/license-application.entity';
import { LicenseEntity } from './entities/license.entity';
import { LicenseApplicationsService } from './services/license-applications.service';
import { LicensesService } from './services/licenses.service';

/** License applications and licenses (授权许可). Never imports trading: trading orchestrates it. */
@Module({
  imports: [
    TypeOrmModule.forFeature([LicenseApplicationEntity, LicenseEntity]),
    AuditModule,
    OutboxModule,
    CatalogModule,
  ],
  providers: [LicenseApplicationsService, LicensesService],
  exports: [LicenseApplicationsService, LicensesService],
})
export class LicensingModule {}
