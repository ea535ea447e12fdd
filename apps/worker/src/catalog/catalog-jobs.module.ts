import { CatalogModule } from '@hst/catalog';
import { Module } from '@nestjs/common';

/** The catalog's reactions to domain events (consumers registered with the dispatcher). */
@Module({ imports: [CatalogModule], providers: [] })
export class CatalogJobsModule {}
