import { AuditModule } from '@hst/audit';
import { OutboxModule } from '@hst/outbox';
import { Module } from '@nestjs/common';

/** Data registration and rights confirmation (数据登记确权), certificates, public-data authorizations. */
@Module({
  imports: [AuditModule, OutboxModule],
  providers: [],
  exports: [],
})
export class RegistryModule {}
