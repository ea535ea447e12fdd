import { CatalogModule } from '@hst/catalog';
import { Module } from '@nestjs/common';

/** Catalog routes: products, datasets, review, search. */
@Module({ imports: [CatalogModule], controllers: [] })
export class CatalogHttpModule {}
