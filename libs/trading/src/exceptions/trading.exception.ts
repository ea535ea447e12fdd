import { DomainError, ErrorKind } from '@hst/common';

export enum TradingErrorCode {
  PublicDataAuthorizationMissing = 'public_data_authorization_missing',
  FeesExceedAmount = 'fees_exceed_amount',
  PaymentDeadlinePassed = 'payment_deadline_passed',
  AmountOutOfRange = 'amount_out_of_range',
  SubjectUnknown = 'subject_unknown',
  IdempotencyKeyMissing = 'idempotency_key_missing',
  IdempotencyKeyReused = 'idempotency_key_reused',
  IdempotencyKeyInProgress = 'idempotency_key_in_progress',
}

const RULES: Record<TradingErrorCode, [ErrorKind, string]> = {
  [TradingErrorCode.PublicDataAuthorizationMissing]: [
    ErrorKind.Rejected,
    'A public-source product needs an active public-data authorization of its operator covering its category',
  ],
  [TradingErrorCode.FeesExceedAmount]: [ErrorKind.Rejected, 'The platform fee and authority share exceed the amount'],
  [TradingErrorCode.PaymentDeadlinePassed]: [ErrorKind.Conflict, 'The payment deadline of this order has passed'],
  [TradingErrorCode.AmountOutOfRange]: [ErrorKind.Rejected, 'amountFen must be at most 10^13 fen'],
  [TradingErrorCode.SubjectUnknown]: [ErrorKind.Rejected, 'subjectId is not a subject of the exchange'],
  [TradingErrorCode.IdempotencyKeyMissing]: [
    ErrorKind.Invalid,
    'This route moves money: send an Idempotency-Key header of 1-255 characters',
  ],
  [TradingErrorCode.IdempotencyKeyReused]: [
    ErrorKind.Conflict,
    'This Idempotency-Key was used for another request (method, path or body)',
  ],
  [TradingErrorCode.IdempotencyKeyInProgress]: [
    ErrorKind.Conflict,
    'A request with this Idempotency-Key is still in progress; retry later',
  ],
};

export class TradingException extends DomainError {
  constructor(code: TradingErrorCode, detail?: string) {
    const [kind, message] = RULES[code];
    super(kind, code, detail ? `${message}: ${detail}` : message);
  }
}
