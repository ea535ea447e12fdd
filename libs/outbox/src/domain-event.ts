import type { EntityManager } from 'typeorm';

export type DomainEvent = {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
};

/**
 * Something that reacts to domain events. `handle` runs in a transaction that also records the
 * delivery, so its database effects happen exactly once; events of one aggregate arrive in order.
 */
export interface DomainEventConsumer {
  /** Stable name: renaming it makes it a new consumer. */
  readonly name: string;
  readonly eventTypes: readonly string[];
  handle(event: DomainEvent, manager: EntityManager): Promise<void>;
}
