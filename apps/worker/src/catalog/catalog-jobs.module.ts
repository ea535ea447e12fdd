import { CatalogCascades, CatalogModule } from '@hst/catalog';
import { DomainEventDispatcher, OutboxModule } from '@hst/outbox';
import { Module, OnModuleInit } from '@nestjs/common';

/** The catalog's reactions to domain events (consumers registered with the dispatcher). */
@Module({ imports: [CatalogModule, OutboxModule] })
export class CatalogJobsModule implements OnModuleInit {
  constructor(
    private readonly dispatcher: DomainEventDispatcher,
    private readonly cascades: CatalogCascades,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.dispatcher.register(this.cascades);
  }
}
