import { getQueueToken } from '@nestjs/bullmq';
import type { ModuleRef } from '@nestjs/core';
import { UnknownElementException } from '@nestjs/core/errors/exceptions/unknown-element.exception';
import type { Queue } from 'bullmq';
import { QueueName } from './queue-names';

/**
 * The queues some module of this application registered a producer for, in QueueName order: what its
 * health check and queue metrics cover, without a list per application to keep in step.
 */
export function registeredQueues(moduleRef: ModuleRef): Queue[] {
  return Object.values(QueueName).flatMap((name) => {
    try {
      return [moduleRef.get<Queue>(getQueueToken(name), { strict: false })];
    } catch (error) {
      if (error instanceof UnknownElementException) return []; // not registered in this application
      throw error;
    }
  });
}
