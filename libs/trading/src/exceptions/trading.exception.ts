import { DomainError, ErrorKind, MAX_AMOUNT_FEN } from '@hst/common';

export enum TradingErrorCode {
  PublicDataAuthorizationMissing = 'public_data_authorization_missing',
  FeesExceedAmount = 'fees_exceed_amount',
  PaymentDeadlinePassed = 'payment_deadline_passed',
  AmountOutOfRange = 'amount_out_of_range',
  SubjectUnknown = 'subject_unknown',
  IdempotencyKeyMissing = 'idempotency_key_missing',
  IdempotencyKeyReused = 'idempotency_key_reused',
  IdempotencyKeyInProgress = 'idempotency_key_in_progress',
  DisputeWindowClosed = 'dispute_window_closed',
  DeliveryConfirmed = 'delivery_confirmed',
  RefundExceedsAmount = 'refund_exceeds_amount',
  StatementVendorRequired = 'statement_vendor_required',
  StatementVendorNotYours = 'statement_vendor_not_yours',
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
  [TradingErrorCode.DisputeWindowClosed]: [ErrorKind.Conflict, 'The dispute window of this order has closed'],
  [TradingErrorCode.DeliveryConfirmed]: [
    ErrorKind.Conflict,
    'The buyer confirmed this delivery: it settles and can no longer be disputed',
  ],
  [TradingErrorCode.RefundExceedsAmount]: [ErrorKind.Rejected, "refundFen must not exceed the order's amount"],
  [TradingErrorCode.StatementVendorRequired]: [
    ErrorKind.Invalid,
    'vendorId is required: admins and regulators read the statement of a vendor they name',
  ],
  [TradingErrorCode.StatementVendorNotYours]: [ErrorKind.Forbidden, 'A vendor reads only its own statement'],
};

export class TradingException extends DomainError {
  constructor(code: TradingErrorCode, detail?: string) {
    const [kind, message] = RULES[code];
    super(kind, code, detail ? `${message}: ${detail}` : message);
  }
}

/** A money amount the exchange takes in one request: a safe integer of at most 10^13 fen (422 otherwise). */
export function assertAmountInRange(amountFen: number): void {
  if (!Number.isSafeInteger(amountFen) || amountFen > MAX_AMOUNT_FEN) {
    throw new TradingException(TradingErrorCode.AmountOutOfRange);
  }
}
