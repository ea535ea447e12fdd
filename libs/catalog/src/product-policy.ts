import { Actor, ForbiddenError, hasRole, NotFoundError, Role } from '@hst/common';
import type { CertificateFacts, SourceType } from '@hst/registry';
import { ProductErrorCode } from './exceptions/product.exception';
import type { ProductAction } from './product-status';

/** Who may create products (and so own them). */
export const PRODUCT_OWNER_ROLES: Role[] = ['vendor', 'operator'];

/** Who may read every product in any state (others read their own, and listed products). */
export const PRODUCT_READER_ROLES: Role[] = ['admin', 'regulator'];

/** Who may apply each transition: the owner, and/or platform roles. */
export const PRODUCT_ACTION_RULES: Record<ProductAction, { owner: boolean; roles: Role[] }> = {
  submit: { owner: true, roles: [] },
  approve: { owner: false, roles: ['admin'] },
  reject: { owner: false, roles: ['admin'] },
  delist: { owner: true, roles: ['admin'] },
  relist: { owner: true, roles: [] },
  suspend: { owner: false, roles: ['admin', 'regulator'] },
};

/** The roles a route must admit for an action (the owner acts as vendor or operator). */
export const productActionRoles = (action: ProductAction): Role[] => {
  const rule = PRODUCT_ACTION_RULES[action];
  return [...(rule.owner ? PRODUCT_OWNER_ROLES : []), ...rule.roles];
};

type Owned = { id: string; vendorId: string };

export const isProductOwner = (actor: Actor | null, product: Owned): boolean =>
  actor !== null && actor.subjectId === product.vendorId;

export const isProductReader = (actor: Actor | null): boolean =>
  actor !== null && hasRole(actor, ...PRODUCT_READER_ROLES);

/** What everyone may see: a listed product of an active vendor. */
export const isPubliclyVisible = (product: { status: string }, vendor: { status: string }): boolean =>
  product.status === 'listed' && vendor.status === 'active';

/**
 * The one access decision of the catalog. Another subject's product is a 404 (never revealed), unless the
 * caller reads every product (admin, regulator); a caller who sees the product but is not the party for
 * the action gets 403. Returns the role under which the actor acts.
 */
export function productRoleFor(actor: Actor, product: Owned, action: ProductAction | 'edit'): Role {
  const owner = isProductOwner(actor, product);
  if (!owner && !isProductReader(actor)) throw new NotFoundError('product', product.id);
  const rule = action === 'edit' ? { owner: true, roles: [] as Role[] } : PRODUCT_ACTION_RULES[action];
  const ownerRole = owner && rule.owner ? actor.roles.find((r) => PRODUCT_OWNER_ROLES.includes(r)) : undefined;
  const role = ownerRole ?? actor.roles.find((r) => rule.roles.includes(r));
  if (role === undefined) {
    throw new ForbiddenError(
      rule.owner
        ? `Only the product's owner${rule.roles.length ? ` or ${rule.roles.join(', ')}` : ''} may ${action} it`
        : `This action needs one of the roles: ${rule.roles.join(', ')}`,
    );
  }
  return role;
}

export type SubmissionFacts = {
  product: { vendorId: string; category: string; sourceType: SourceType };
  /** The digest of the uploaded dataset, or null when none was uploaded. */
  datasetDigest: string | null;
  certificate: CertificateFacts | undefined;
  /** Whether an active public-data authorization of the owner covers the category (asked for `public` only). */
  publicDataAuthorized: boolean;
};

/**
 * The rules a product must meet to go to review (submit, relist) and to be listed (approve), in the
 * order they are reported: the first one that fails, with a detail, or undefined when all hold.
 */
export function submissionProblem(facts: SubmissionFacts): [ProductErrorCode, string?] | undefined {
  const { product, certificate: cert } = facts;
  if (facts.datasetDigest === null) return [ProductErrorCode.DatasetMissing];
  if (cert === undefined) return [ProductErrorCode.CertificateNotFound];
  if (cert.holderId !== product.vendorId) return [ProductErrorCode.CertificateNotHeld];
  if (cert.status !== 'valid') return [ProductErrorCode.CertificateNotValid, `it is ${cert.status}`];
  if (!cert.rights.includes('operation')) return [ProductErrorCode.CertificateLacksOperationRight];
  if (cert.contentDigest !== facts.datasetDigest) return [ProductErrorCode.DatasetDigestMismatch];
  if (cert.category !== product.category) {
    return [ProductErrorCode.CategoryMismatch, `registered ${cert.category}, product ${product.category}`];
  }
  if (cert.sourceType !== product.sourceType) {
    return [ProductErrorCode.SourceTypeMismatch, `registered ${cert.sourceType}, product ${product.sourceType}`];
  }
  if (product.sourceType === 'public' && !facts.publicDataAuthorized) {
    return [ProductErrorCode.PublicDataAuthorizationMissing, product.category];
  }
  return undefined;
}
