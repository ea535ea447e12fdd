import { AuditModule } from '@hst/audit';
import { OutboxModule } from '@hst/outbox';
import { RegistryModule } from '@hst/registry';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProductDatasetEntity } from './entities/product-dataset.entity';
import { ProductEntity } from './entities/product.entity';
import { ProductSearchRepository } from './repositories/product-search.repository';
import { CatalogCascades } from './services/catalog-cascades.consumer';
import { ProductsService } from './services/products.service';

/** The product catalog (数据产品挂牌): listings, datasets, review and search. */
@Module({
  imports: [TypeOrmModule.forFeature([ProductEntity, ProductDatasetEntity]), AuditModule, OutboxModule, RegistryModule],
  providers: [ProductsService, ProductSearchRepository, CatalogCascades],
  exports: [ProductsService, CatalogCascades],
})
export class CatalogModule {}
