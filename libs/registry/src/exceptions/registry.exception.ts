import { DomainError, ErrorKind } from '@hst/common';

export enum RegistryErrorCode {
  CoreDataNotTradable = 'core_data_not_tradable',
  PublicDataNotAuthorized = 'public_data_not_authorized',
  ApplicantCannotObject = 'applicant_cannot_object',
  NotHolder = 'not_certificate_holder',
  TransferTargetUnknown = 'transfer_target_unknown',
  TransferToSelf = 'transfer_to_self',
  OperatorUnknown = 'operator_unknown',
  InvalidPeriod = 'invalid_period',
}

const RULES: Record<RegistryErrorCode, [ErrorKind, string]> = {
  [RegistryErrorCode.CoreDataNotTradable]: [
    ErrorKind.Rejected,
    'Core data (核心数据) is not tradable and cannot be registered',
  ],
  [RegistryErrorCode.PublicDataNotAuthorized]: [
    ErrorKind.Rejected,
    'Public-source data needs an active public-data authorization covering its category',
  ],
  [RegistryErrorCode.ApplicantCannotObject]: [
    ErrorKind.Forbidden,
    'The applicant cannot object to its own registration',
  ],
  [RegistryErrorCode.NotHolder]: [ErrorKind.Forbidden, 'Only the certificate holder may transfer it'],
  [RegistryErrorCode.TransferTargetUnknown]: [ErrorKind.Rejected, 'toSubjectId is not an active subject'],
  [RegistryErrorCode.TransferToSelf]: [ErrorKind.Rejected, 'A certificate cannot be transferred to its holder'],
  [RegistryErrorCode.OperatorUnknown]: [
    ErrorKind.Rejected,
    'operatorId is not an active subject with the operator role',
  ],
  [RegistryErrorCode.InvalidPeriod]: [ErrorKind.Invalid, 'validUntil must be after validFrom'],
};

export class RegistryException extends DomainError {
  constructor(code: RegistryErrorCode) {
    const [kind, message] = RULES[code];
    super(kind, code, message);
  }
}
