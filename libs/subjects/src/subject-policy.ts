import { Actor, ForbiddenError, Role } from '@hst/common';
import type { SubjectAction } from './subject-status';

/** Who may apply each subject transition. */
export const SUBJECT_ACTION_ROLES: Record<SubjectAction, Role[]> = {
  approve: ['admin'],
  reject: ['admin'],
  suspend: ['admin', 'regulator'],
  reinstate: ['admin'],
};

/** Who may read every subject (others read only their own). */
export const SUBJECT_READER_ROLES: Role[] = ['admin', 'regulator'];

/** The role under which the actor may act, or 403. */
export function roleFor(actor: Actor, allowed: readonly Role[]): Role {
  const role = actor.roles.find((r) => allowed.includes(r));
  if (role === undefined) throw new ForbiddenError(`This action needs one of the roles: ${allowed.join(', ')}`);
  return role;
}
