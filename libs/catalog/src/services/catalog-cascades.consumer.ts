import type { DomainEvent, DomainEventConsumer } from '@hst/outbox';
import { PublicDataAuthorizationService, RegistryEvents } from '@hst/registry';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { ProductEntity } from '../entities/product.entity';
import { PRODUCT_MACHINE } from '../product-status';
import { ProductsService } from './products.service';

type CascadeEvent = keyof RegistryEvents;
const CASCADE_EVENTS: readonly CascadeEvent[] = [
  'certificate.revoked',
  'certificate.transferred',
  'public_data_authorization.revoked',
];

/** The states a cascade takes a product out of: those the machine lets `suspend` start from. */
const SUSPENDABLE = PRODUCT_MACHINE.transitions.suspend.from;

/**
 * The catalog's reactions to the registry: a product stops being offered (and reviewed) as soon as the
 * right it relies on is gone. Runs in the dispatcher's transaction, once per event; suspending only
 * listed and pending products makes a replay find nothing more to do.
 */
@Injectable()
export class CatalogCascades implements DomainEventConsumer {
  readonly name = 'catalog.registry-cascades';
  readonly eventTypes = CASCADE_EVENTS;

  constructor(
    private readonly products: ProductsService,
    private readonly authorizations: PublicDataAuthorizationService,
  ) {}

  async handle(event: DomainEvent, manager: EntityManager): Promise<void> {
    const type = event.type as CascadeEvent;
    switch (type) {
      case 'certificate.revoked': {
        const { certNo, reason } = event.payload as RegistryEvents[typeof type];
        await this.suspendRelyingOn(manager, certNo, `certificate ${certNo} was revoked: ${reason}`);
        return;
      }
      case 'certificate.transferred': {
        const { certNo, successorCertNo } = event.payload as RegistryEvents[typeof type];
        await this.suspendRelyingOn(
          manager,
          certNo,
          `certificate ${certNo} was transferred (successor ${successorCertNo}); the owner no longer holds it`,
        );
        return;
      }
      case 'public_data_authorization.revoked': {
        const payload = event.payload as RegistryEvents[typeof type];
        await this.suspendUncoveredPublicProducts(manager, payload);
        return;
      }
    }
  }

  private async suspendRelyingOn(manager: EntityManager, certNo: string, reason: string): Promise<void> {
    const products = await manager.find(ProductEntity, {
      where: { certNo, status: In([...SUSPENDABLE]) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const product of products) await this.products.apply(manager, product, 'suspend', null, reason);
  }

  /**
   * The operator's public-source products in the revoked domains, unless another active authorization
   * of the operator still covers their category.
   */
  private async suspendUncoveredPublicProducts(
    manager: EntityManager,
    { authorizationId, operatorId, domains }: RegistryEvents['public_data_authorization.revoked'],
  ): Promise<void> {
    const products = await manager.find(ProductEntity, {
      where: { vendorId: operatorId, sourceType: 'public', category: In(domains), status: In([...SUSPENDABLE]) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const product of products) {
      if (await this.authorizations.hasActiveCovering(operatorId, product.category, manager)) continue;
      const reason = `public-data authorization ${authorizationId} covering ${product.category} was revoked`;
      await this.products.apply(manager, product, 'suspend', null, reason);
    }
  }
}
