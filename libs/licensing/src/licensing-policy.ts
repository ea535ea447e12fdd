import { Actor, ForbiddenError, hasRole, NotFoundError, Role } from '@hst/common';
import type { ApplicationAction, LicenseAction } from './license-status';

/** Who reads every application and license (the parties read their own). */
export const LICENSING_READER_ROLES: Role[] = ['admin', 'regulator'];

type Parties = { id: string; buyerId: string; vendorId: string };

/** The parties and platform readers see it; anyone else gets a 404 (never revealed). */
export function canReadLicensing(actor: Actor, row: Parties): boolean {
  return (
    row.buyerId === actor.subjectId || row.vendorId === actor.subjectId || hasRole(actor, ...LICENSING_READER_ROLES)
  );
}

/** Which party acts on an application: the product owner decides it, the buyer withdraws it. */
const APPLICATION_PARTY: Record<ApplicationAction, 'vendor' | 'buyer'> = {
  approve: 'vendor',
  reject: 'vendor',
  withdraw: 'buyer',
};

/**
 * The one access decision for applications: 404 for what the actor cannot see, 403 for a reader who
 * is not the party for the action. Returns the role the actor acts with (for the audit trail).
 */
export function applicationRoleFor(actor: Actor, application: Parties, action: ApplicationAction | 'read'): Role {
  if (!canReadLicensing(actor, application)) throw new NotFoundError('license application', application.id);
  if (action === 'read') return actor.roles[0];
  const party = APPLICATION_PARTY[action];
  if (party === 'buyer' && application.buyerId === actor.subjectId && hasRole(actor, 'buyer')) return 'buyer';
  if (party === 'vendor' && application.vendorId === actor.subjectId) {
    const role = actor.roles.find((r) => r === 'vendor' || r === 'operator');
    if (role) return role;
  }
  throw new ForbiddenError(
    party === 'buyer' ? 'Only the applicant may withdraw it' : `Only the product's owner may ${action} it`,
  );
}

/** Who may suspend, reinstate and revoke a license: the product owner, admin and regulator; the buyer 403. */
export function licenseRoleFor(actor: Actor, license: Parties, action: LicenseAction | 'read'): Role {
  if (!canReadLicensing(actor, license)) throw new NotFoundError('license', license.id);
  if (action === 'read') return actor.roles[0];
  const ownerRole =
    license.vendorId === actor.subjectId ? actor.roles.find((r) => r === 'vendor' || r === 'operator') : undefined;
  const role = ownerRole ?? actor.roles.find((r) => LICENSING_READER_ROLES.includes(r));
  if (role === undefined) throw new ForbiddenError(`Only the product's owner, admin or regulator may ${action} it`);
  return role;
}
