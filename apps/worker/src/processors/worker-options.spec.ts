import { QUEUE_CONFIG, QueueName } from '@hst/queue';
import { configureWorkerTimings, workerOptions } from './worker-options';

describe('workerOptions', () => {
  afterEach(() => configureWorkerTimings({}));

  it('should take the lock from the queue config and BullMQ’s stalled interval when nothing is overridden', () => {
    expect({ ...workerOptions(QueueName.Settlement) }).toEqual({
      concurrency: QUEUE_CONFIG[QueueName.Settlement].concurrency,
      lockDuration: QUEUE_CONFIG[QueueName.Settlement].lockDurationMs,
      stalledInterval: 30_000,
      autorun: false,
    });
  });

  it('should apply the overrides configured at bootstrap to options built before, at decorator time', () => {
    const options = workerOptions(QueueName.Settlement);
    configureWorkerTimings({ QUEUE_LOCK_DURATION_MS: 1500, QUEUE_STALLED_INTERVAL_MS: 500 });
    expect({ ...options }).toMatchObject({ lockDuration: 1500, stalledInterval: 500 });
  });
});
