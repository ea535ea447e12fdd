import { QUEUE_CONFIG, QueueName } from '@hst/queue';

/** The @Processor options of a queue, from its one configuration. */
export const workerOptions = (name: QueueName) => ({
  concurrency: QUEUE_CONFIG[name].concurrency,
  lockDuration: QUEUE_CONFIG[name].lockDurationMs,
});
