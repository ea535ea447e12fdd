import { DomainError, ErrorKind } from '@hst/common';

export enum ProductErrorCode {
  PriceOutOfRange = 'price_out_of_range',
  NotEditable = 'product_not_editable',
  InvalidDataset = 'invalid_dataset',
  DatasetMissing = 'dataset_missing',
  CertificateNotFound = 'certificate_not_found',
  CertificateNotHeld = 'certificate_not_held',
  CertificateNotValid = 'certificate_not_valid',
  CertificateLacksOperationRight = 'certificate_lacks_operation_right',
  DatasetDigestMismatch = 'dataset_digest_mismatch',
  CategoryMismatch = 'category_mismatch',
  SourceTypeMismatch = 'source_type_mismatch',
  PublicDataAuthorizationMissing = 'public_data_authorization_missing',
  LoginRequired = 'login_required',
}

const MESSAGES: Record<ProductErrorCode, [ErrorKind, string]> = {
  [ProductErrorCode.PriceOutOfRange]: [ErrorKind.Rejected, 'priceFen must be at most 10^13 fen'],
  [ProductErrorCode.NotEditable]: [ErrorKind.Conflict, 'Only a draft or rejected product can be edited'],
  [ProductErrorCode.InvalidDataset]: [ErrorKind.Invalid, 'The dataset is not valid'],
  [ProductErrorCode.DatasetMissing]: [ErrorKind.Rejected, 'Upload the dataset before submitting the product'],
  [ProductErrorCode.CertificateNotFound]: [ErrorKind.Rejected, 'The certificate certNo does not exist'],
  [ProductErrorCode.CertificateNotHeld]: [ErrorKind.Rejected, 'The certificate is not held by the product owner'],
  [ProductErrorCode.CertificateNotValid]: [ErrorKind.Rejected, 'The certificate is not valid'],
  [ProductErrorCode.CertificateLacksOperationRight]: [
    ErrorKind.Rejected,
    'The certificate does not confirm the operation right (数据产品经营权)',
  ],
  [ProductErrorCode.DatasetDigestMismatch]: [
    ErrorKind.Rejected,
    "The dataset's contentDigest does not match the certificate's contentDigest",
  ],
  [ProductErrorCode.CategoryMismatch]: [
    ErrorKind.Rejected,
    "The product's category differs from the registered category of the certificate",
  ],
  [ProductErrorCode.SourceTypeMismatch]: [
    ErrorKind.Rejected,
    "The product's sourceType differs from the registered sourceType of the certificate",
  ],
  [ProductErrorCode.PublicDataAuthorizationMissing]: [
    ErrorKind.Rejected,
    'A public-source product needs an active public-data authorization covering its category',
  ],
  [ProductErrorCode.LoginRequired]: [ErrorKind.Unauthenticated, 'mine=true needs a bearer token'],
};

export class ProductException extends DomainError {
  constructor(code: ProductErrorCode, detail?: string) {
    const [kind, message] = MESSAGES[code];
    super(kind, code, detail ? `${message}: ${detail}` : message);
  }
}
