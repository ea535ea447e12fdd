import { generateKeyPairSync } from 'node:crypto';
import { keyIdOf, SignedCertificate, signCertificate, verifyCertificateSignature } from './certificate-signature';

describe(signCertificate.name, () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const fields: SignedCertificate = {
    certNo: 'WHDR-2026-000001',
    registrationId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    holder: {
      subjectId: '1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b',
      name: '武汉光谷数据科技有限公司',
      uscc: '914403001922038216',
    },
    assetName: '智能网联汽车轨迹数据',
    rights: ['holding', 'operation'],
    contentDigest: 'a'.repeat(64),
    issuedAt: '2026-11-29T00:00:00.000Z',
    validUntil: '2029-11-28T00:00:00.000Z',
    keyId: keyIdOf(publicKey),
  };

  it('should produce a signature that verifies with the public key', () => {
    const sut = signCertificate(fields, privateKey);
    expect(verifyCertificateSignature(fields, sut, publicKey)).toBe(true);
  });

  it('should fail verification when any signed field changes', () => {
    const sut = signCertificate(fields, privateKey);
    expect(verifyCertificateSignature({ ...fields, assetName: '篡改' }, sut, publicKey)).toBe(false);
    expect(verifyCertificateSignature({ ...fields, rights: ['holding'] }, sut, publicKey)).toBe(false);
    expect(verifyCertificateSignature(fields, 'not base64 at all', publicKey)).toBe(false);
  });

  it('should derive a stable 16-hex key id', () => {
    expect(keyIdOf(publicKey)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(publicKey)).toBe(keyIdOf(privateKey));
  });
});
