import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { OutboxEventEntity } from '../entities/outbox-event.entity';

export type OutboxMessage = {
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload?: Record<string, unknown>;
};

@Injectable()
export class OutboxService {
  /** Writes the event in the caller's transaction: it exists if and only if the change committed. */
  async publish(manager: EntityManager, message: OutboxMessage): Promise<void> {
    await this.publishMany(manager, [message]);
  }

  /** Several events with one statement, in id order as given (batched work). */
  async publishMany(manager: EntityManager, messages: OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await manager.insert(
      OutboxEventEntity,
      messages.map((message) => ({
        type: message.type,
        aggregateType: message.aggregateType,
        aggregateId: message.aggregateId,
        payload: (message.payload ?? {}) as QueryDeepPartialEntity<OutboxEventEntity['payload']>,
      })),
    );
  }
}
