import { AuditModule } from '@hst/audit';
import { OutboxModule } from '@hst/outbox';
import { RegistryModule } from '@hst/registry';
import { Module } from '@nestjs/common';

/** The product catalog (数据产品挂牌): listings, datasets, review and search. */
@Module({
  imports: [AuditModule, OutboxModule, RegistryModule],
  providers: [],
  exports: [],
})
export class CatalogModule {}
