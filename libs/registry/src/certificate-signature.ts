import { canonicalJson } from '@hst/common';
import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';

/** Exactly the fields the contract says a certificate's signature covers. */
export type SignedCertificate = {
  certNo: string;
  registrationId: string;
  holder: { subjectId: string; name: string; uscc: string };
  assetName: string;
  rights: string[];
  contentDigest: string;
  issuedAt: string;
  validUntil: string;
  keyId: string;
};

/** Ed25519 over the RFC 8785 serialisation, base64. */
export function signCertificate(fields: SignedCertificate, privateKey: KeyObject): string {
  return sign(null, Buffer.from(canonicalJson(fields), 'utf8'), privateKey).toString('base64');
}

export function verifyCertificateSignature(
  fields: SignedCertificate,
  signature: string,
  publicKey: KeyObject,
): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(fields), 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A key's id: the first 16 hex characters of sha256 over its public key (SPKI DER), stable across restarts. */
export function keyIdOf(key: KeyObject): string {
  return createHash('sha256')
    .update((key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}
