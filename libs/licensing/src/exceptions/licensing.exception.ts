import { DomainError, ErrorKind } from '@hst/common';

export enum LicensingErrorCode {
  ProductNotListed = 'product_not_listed',
  OwnProduct = 'own_product',
  PurposeNotAllowed = 'purpose_not_allowed',
  TermTooLong = 'term_too_long',
  CallsRequired = 'calls_required',
  CallsNotAllowed = 'calls_not_allowed',
  AmountOutOfRange = 'amount_out_of_range',
}

const RULES: Record<LicensingErrorCode, [ErrorKind, string]> = {
  [LicensingErrorCode.ProductNotListed]: [ErrorKind.Rejected, 'productId is not a listed product'],
  [LicensingErrorCode.OwnProduct]: [ErrorKind.Rejected, 'A vendor cannot license its own product'],
  [LicensingErrorCode.PurposeNotAllowed]: [ErrorKind.Rejected, "purpose is not one of the product policy's purposes"],
  [LicensingErrorCode.TermTooLong]: [ErrorKind.Rejected, "termDays exceeds the product policy's maxTermDays"],
  [LicensingErrorCode.CallsRequired]: [ErrorKind.Invalid, 'calls is required for a per_call product'],
  [LicensingErrorCode.CallsNotAllowed]: [ErrorKind.Invalid, 'calls is only accepted for a per_call product'],
  [LicensingErrorCode.AmountOutOfRange]: [ErrorKind.Rejected, 'The amount of this license would exceed 10^13 fen'],
};

export class LicensingException extends DomainError {
  constructor(code: LicensingErrorCode, detail?: string) {
    const [kind, message] = RULES[code];
    super(kind, code, detail ? `${message}: ${detail}` : message);
  }
}
