import type { Env } from '@hst/common';
import { QUEUE_CONFIG, QueueName } from '@hst/queue';

type Timings = Pick<Env, 'QUEUE_LOCK_DURATION_MS' | 'QUEUE_STALLED_INTERVAL_MS'>;

/** BullMQ's own default, stated because an undefined option would override it. */
const DEFAULT_STALLED_INTERVAL_MS = 30_000;

let timings: Timings = {};

/**
 * Lock and stalled-check timings from the validated Env, set by WorkerModule.forRoot before the
 * application initializes (and so before @nestjs/bullmq constructs any Worker).
 */
export function configureWorkerTimings(env: Timings): void {
  timings = {
    QUEUE_LOCK_DURATION_MS: env.QUEUE_LOCK_DURATION_MS,
    QUEUE_STALLED_INTERVAL_MS: env.QUEUE_STALLED_INTERVAL_MS,
  };
}

/**
 * The @Processor options of a queue, from its one configuration. The decorator's argument is evaluated at
 * import time, before the Env is known, so the timings are getters: @nestjs/bullmq spreads these options
 * into `new Worker(...)` at bootstrap, which reads them then.
 */
export const workerOptions = (name: QueueName) => ({
  concurrency: QUEUE_CONFIG[name].concurrency,
  // Started by InstrumentedProcessor once the application has bootstrapped, i.e. after every module's
  // onModuleInit: a domain-event consumer registers there, and no event may be dispatched before it has.
  autorun: false,
  get lockDuration(): number {
    return timings.QUEUE_LOCK_DURATION_MS ?? QUEUE_CONFIG[name].lockDurationMs;
  },
  get stalledInterval(): number {
    return timings.QUEUE_STALLED_INTERVAL_MS ?? DEFAULT_STALLED_INTERVAL_MS;
  },
});
