import { CatalogModule } from '@hst/catalog';
import { Module } from '@nestjs/common';
import { OptionalJwtGuard } from './optional-actor';
import { ProductsController } from './products.controller';

/** Catalog routes: products, datasets, review, search. */
@Module({ imports: [CatalogModule], controllers: [ProductsController], providers: [OptionalJwtGuard] })
export class CatalogHttpModule {}
