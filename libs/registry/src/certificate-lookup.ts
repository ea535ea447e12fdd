/** The rights a registration claims and a certificate confirms (三权分置). */
export const DATA_RIGHTS = ['holding', 'processing', 'operation'] as const;
export type DataRight = (typeof DATA_RIGHTS)[number];

export const SOURCE_TYPES = ['enterprise', 'public', 'personal_deidentified', 'third_party'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const CERTIFICATE_STATUSES = ['valid', 'revoked', 'transferred', 'expired'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** What other domains (the catalog) may know of a certificate. `status` is 'expired' once validUntil passed. */
export type CertificateFacts = {
  certNo: string;
  registrationId: string;
  holderId: string;
  holderName: string;
  assetName: string;
  rights: DataRight[];
  contentDigest: string;
  category: string;
  sourceType: SourceType;
  status: CertificateStatus;
  validUntil: Date;
};

/** Domain events of the registry that other domains react to (outbox `type` → payload). */
export type RegistryEvents = {
  'certificate.revoked': { certNo: string; reason: string };
  'certificate.transferred': { certNo: string; successorCertNo: string; toSubjectId: string };
  'public_data_authorization.revoked': { authorizationId: string; operatorId: string; domains: string[] };
};
