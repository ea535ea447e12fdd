import type { DefaultJobOptions } from 'bullmq';
import { QueueName } from './queue-names';

export type QueueConfig = {
  /** Jobs one worker process runs at once. */
  concurrency: number;
  /** How long a worker holds a job's lock before BullMQ treats the job as stalled. */
  lockDurationMs: number;
  jobOptions: Required<Pick<DefaultJobOptions, 'attempts' | 'backoff' | 'removeOnComplete' | 'removeOnFail'>>;
};

const KEEP_COMPLETED = { age: 3600, count: 1000 };
const KEEP_FAILED = { age: 7 * 24 * 3600, count: 10000 };

/** One complete configuration per queue: a queue without one does not compile. */
export const QUEUE_CONFIG: Record<QueueName, QueueConfig> = {
  [QueueName.OutboxRelay]: {
    // One relay at a time: the relay also takes a database advisory lock, so order holds across processes.
    concurrency: 1,
    lockDurationMs: 30_000,
    jobOptions: { attempts: 1, backoff: { type: 'fixed', delay: 0 }, removeOnComplete: true, removeOnFail: 100 },
  },
  [QueueName.DomainEvents]: {
    concurrency: 1,
    lockDurationMs: 30_000,
    jobOptions: {
      attempts: 25,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    },
  },
  [QueueName.RegistrationNotice]: {
    concurrency: 2,
    lockDurationMs: 30_000,
    jobOptions: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    },
  },
  [QueueName.OrderPaymentTimeout]: {
    concurrency: 2,
    lockDurationMs: 30_000,
    jobOptions: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    },
  },
  [QueueName.Settlement]: {
    // High on purpose: the jobs a worker holds at once are settled together in one transaction (SettlementBatcher).
    concurrency: 50,
    lockDurationMs: 30_000,
    jobOptions: {
      attempts: 20,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    },
  },
  [QueueName.Payouts]: {
    concurrency: 2,
    lockDurationMs: 30_000,
    jobOptions: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    },
  },
  [QueueName.LedgerReconciliation]: {
    concurrency: 1,
    lockDurationMs: 300_000,
    jobOptions: { attempts: 1, backoff: { type: 'fixed', delay: 0 }, removeOnComplete: true, removeOnFail: 100 },
  },
  [QueueName.AuditSequencer]: {
    concurrency: 1,
    lockDurationMs: 30_000,
    jobOptions: { attempts: 1, backoff: { type: 'fixed', delay: 0 }, removeOnComplete: true, removeOnFail: 100 },
  },
};
