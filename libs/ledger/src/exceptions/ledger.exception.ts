import { DomainError, ErrorKind } from '@hst/common';

export enum LedgerErrorCode {
  InsufficientFunds = 'insufficient_funds',
  UnknownAccount = 'unknown_account',
  InvalidAmount = 'invalid_amount',
}

const RULES: Record<LedgerErrorCode, [ErrorKind, string]> = {
  [LedgerErrorCode.InsufficientFunds]: [ErrorKind.Conflict, 'Insufficient funds'],
  [LedgerErrorCode.UnknownAccount]: [ErrorKind.Rejected, 'The account does not exist'],
  [LedgerErrorCode.InvalidAmount]: [ErrorKind.Rejected, 'An amount must be a positive integer of fen, at most 10^13'],
};

export class LedgerException extends DomainError {
  constructor(code: LedgerErrorCode, detail?: string) {
    const [kind, message] = RULES[code];
    super(kind, code, detail ? `${message}: ${detail}` : message);
  }
}
