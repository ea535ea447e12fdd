import type { CertificateStatus } from './certificate-lookup';
import type { SignedCertificate } from './certificate-signature';
import type { CertificateResponse } from './dto/registry.responses';
import type { CertificateEntity } from './entities/certificate.entity';

/** The stored status, or 'expired' once a valid certificate's period has passed. */
export function effectiveStatus(cert: CertificateEntity, now = new Date()): CertificateStatus {
  return cert.status === 'valid' && cert.validUntil.getTime() <= now.getTime() ? 'expired' : cert.status;
}

/** Exactly the signed fields, rebuilt from the stored row. */
export function signedFields(cert: CertificateEntity): SignedCertificate {
  return {
    certNo: cert.certNo,
    registrationId: cert.registrationId,
    holder: { subjectId: cert.holderId, name: cert.holderName, uscc: cert.holderUscc },
    assetName: cert.assetName,
    rights: cert.rights,
    contentDigest: cert.contentDigest,
    issuedAt: cert.issuedAt.toISOString(),
    validUntil: cert.validUntil.toISOString(),
    keyId: cert.keyId,
  };
}

export function toCertificateResponse(cert: CertificateEntity): CertificateResponse {
  return {
    ...signedFields(cert),
    status: effectiveStatus(cert),
    signature: cert.signature,
    successorCertNo: cert.successorCertNo,
  };
}
