import { Actor, ErrorKind, ForbiddenError, NotFoundError } from '@hst/common';
import type { CertificateFacts } from '@hst/registry';
import { ProductErrorCode } from './exceptions/product.exception';
import { productActionRoles, productRoleFor, submissionProblem, SubmissionFacts } from './product-policy';

const actor = (subjectId: string, ...roles: Actor['roles'][number][]): Actor => ({ userId: 'u', subjectId, roles });

describe(productRoleFor.name, () => {
  const product = { id: 'p1', vendorId: 'vendor' };

  it('should let the owner edit, submit, relist and delist, acting as vendor or operator', () => {
    expect(productRoleFor(actor('vendor', 'buyer', 'vendor'), product, 'edit')).toBe('vendor');
    expect(productRoleFor(actor('vendor', 'operator'), product, 'submit')).toBe('operator');
    expect(productRoleFor(actor('vendor', 'vendor'), product, 'relist')).toBe('vendor');
    expect(productRoleFor(actor('vendor', 'vendor'), product, 'delist')).toBe('vendor');
  });

  it("should answer 404 to another subject's product, whatever the action", () => {
    for (const action of ['edit', 'submit', 'approve', 'delist', 'suspend'] as const) {
      expect(() => productRoleFor(actor('other', 'vendor'), product, action)).toThrow(NotFoundError);
    }
  });

  it('should answer 403 to a caller who sees the product but is not the party', () => {
    expect(() => productRoleFor(actor('vendor', 'vendor'), product, 'approve')).toThrow(ForbiddenError);
    expect(() => productRoleFor(actor('vendor', 'vendor'), product, 'suspend')).toThrow(ForbiddenError);
    expect(() => productRoleFor(actor('platform', 'admin'), product, 'submit')).toThrow(ForbiddenError);
    expect(() => productRoleFor(actor('platform', 'admin'), product, 'edit')).toThrow(ForbiddenError);
    expect(() => productRoleFor(actor('reg', 'regulator'), product, 'delist')).toThrow(ForbiddenError);
  });

  it('should let admins review, delist and suspend, and regulators suspend', () => {
    expect(productRoleFor(actor('platform', 'admin'), product, 'approve')).toBe('admin');
    expect(productRoleFor(actor('platform', 'admin'), product, 'delist')).toBe('admin');
    expect(productRoleFor(actor('reg', 'regulator'), product, 'suspend')).toBe('regulator');
  });

  it('should derive the roles a route admits from the rules', () => {
    expect(productActionRoles('delist')).toEqual(['vendor', 'operator', 'admin']);
    expect(productActionRoles('approve')).toEqual(['admin']);
  });
});

describe(submissionProblem.name, () => {
  const digest = 'a'.repeat(64);
  const certificate: CertificateFacts = {
    certNo: 'WHDR-2026-000001',
    registrationId: 'r',
    holderId: 'vendor',
    holderName: '武汉数据',
    assetName: '轨迹',
    rights: ['holding', 'operation'],
    contentDigest: digest,
    category: '交通出行',
    sourceType: 'enterprise',
    status: 'valid',
    validUntil: new Date('2029-01-01T00:00:00Z'),
  };
  const ok: SubmissionFacts = {
    product: { vendorId: 'vendor', category: '交通出行', sourceType: 'enterprise' },
    datasetDigest: digest,
    certificate,
    publicDataAuthorized: false,
  };
  const codeOf = (facts: SubmissionFacts) => submissionProblem(facts)?.[0];

  it('should pass a product whose dataset and certificate agree', () => {
    expect(submissionProblem(ok)).toBeUndefined();
  });

  it.each<[string, SubmissionFacts, ProductErrorCode]>([
    ['no dataset', { ...ok, datasetDigest: null }, ProductErrorCode.DatasetMissing],
    ['an unknown certificate', { ...ok, certificate: undefined }, ProductErrorCode.CertificateNotFound],
    [
      'a certificate held by another',
      { ...ok, certificate: { ...certificate, holderId: 'x' } },
      ProductErrorCode.CertificateNotHeld,
    ],
    [
      'a revoked certificate',
      { ...ok, certificate: { ...certificate, status: 'revoked' } },
      ProductErrorCode.CertificateNotValid,
    ],
    [
      'an expired certificate',
      { ...ok, certificate: { ...certificate, status: 'expired' } },
      ProductErrorCode.CertificateNotValid,
    ],
    [
      'a transferred certificate',
      { ...ok, certificate: { ...certificate, status: 'transferred' } },
      ProductErrorCode.CertificateNotValid,
    ],
    [
      'no operation right',
      { ...ok, certificate: { ...certificate, rights: ['holding', 'processing'] } },
      ProductErrorCode.CertificateLacksOperationRight,
    ],
    ['another dataset', { ...ok, datasetDigest: 'b'.repeat(64) }, ProductErrorCode.DatasetDigestMismatch],
    ['another category', { ...ok, product: { ...ok.product, category: '医疗' } }, ProductErrorCode.CategoryMismatch],
    [
      'another source type',
      { ...ok, product: { ...ok.product, sourceType: 'third_party' } },
      ProductErrorCode.SourceTypeMismatch,
    ],
    [
      'public data without an authorization',
      {
        ...ok,
        product: { ...ok.product, sourceType: 'public' },
        certificate: { ...certificate, sourceType: 'public' },
      },
      ProductErrorCode.PublicDataAuthorizationMissing,
    ],
  ])('should refuse %s', (_label, facts, code) => {
    expect(codeOf(facts)).toBe(code);
  });

  it('should pass public data with an active authorization covering the category', () => {
    const facts: SubmissionFacts = {
      ...ok,
      product: { ...ok.product, sourceType: 'public' },
      certificate: { ...certificate, sourceType: 'public' },
      publicDataAuthorized: true,
    };
    expect(submissionProblem(facts)).toBeUndefined();
  });

  it('should report the status of a certificate that is not valid', () => {
    expect(submissionProblem({ ...ok, certificate: { ...certificate, status: 'revoked' } })).toEqual([
      ProductErrorCode.CertificateNotValid,
      'it is revoked',
    ]);
    expect(ErrorKind.Rejected).toBe('rejected');
  });
});
