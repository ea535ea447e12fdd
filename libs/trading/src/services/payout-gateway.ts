import { Injectable } from '@nestjs/common';

export type PayoutRequest = { withdrawalId: string; subjectId: string; amountFen: number };

/** The bank's answer: paid (with its reference) or refused (the money goes back to the wallet). */
export type PayoutOutcome = { ok: true; reference: string } | { ok: false; reason: string };

/**
 * The bank side of a withdrawal. A real implementation must pass `withdrawalId` to the bank as its
 * idempotency key, so that a payout retried after a crash is not paid twice; it answers refused for a
 * definitive refusal and throws for a transient failure (the job retries, the withdrawal stays held).
 */
export abstract class PayoutGateway {
  abstract payOut(request: PayoutRequest): Promise<PayoutOutcome>;
}

/** The simulated bank of this exchange: every payout succeeds. */
@Injectable()
export class SimulatedPayoutGateway extends PayoutGateway {
  payOut(request: PayoutRequest): Promise<PayoutOutcome> {
    return Promise.resolve({ ok: true, reference: `SIM-${request.withdrawalId}` });
  }
}
