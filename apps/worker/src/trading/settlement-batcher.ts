import { SettlementOutcome, SettlementService } from '@hst/trading';
import { Injectable, Logger } from '@nestjs/common';

type Waiting = { orderId: string; resolve: (outcome: SettlementOutcome) => void; reject: (error: unknown) => void };

/** How many orders one settlement transaction takes at most, and how long the first one waits for company. */
const MAX_BATCH = 50;
const LINGER_MS = 5;

/**
 * Gathers the `settle` jobs a worker runs at the same time (the queue's concurrency) into one
 * transaction: PostgreSQL commits once per batch instead of once per order. Each job still succeeds
 * or fails on its own: if a batch fails, its orders are settled one by one, and only the order that
 * cannot settle fails its job (and is retried by BullMQ).
 */
@Injectable()
export class SettlementBatcher {
  private readonly logger = new Logger(SettlementBatcher.name);
  private waiting: Waiting[] = [];
  private timer?: NodeJS.Timeout;

  constructor(private readonly settlement: SettlementService) {}

  settle(orderId: string): Promise<SettlementOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ orderId, resolve, reject });
      if (this.waiting.length >= MAX_BATCH) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), LINGER_MS);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting.splice(0, MAX_BATCH);
    if (this.waiting.length > 0) this.timer = setTimeout(() => this.flush(), LINGER_MS);
    if (batch.length > 0) void this.run(batch);
  }

  private async run(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await this.settlement.settleMany(batch.map((w) => w.orderId));
      for (const w of batch) w.resolve(outcomes.get(w.orderId) ?? 'not_due');
    } catch (error) {
      this.logger.warn(`batch of ${batch.length} failed (${(error as Error).message}); settling one by one`);
      for (const w of batch) {
        await this.settlement.settle(w.orderId).then(w.resolve, w.reject);
      }
    }
  }
}
