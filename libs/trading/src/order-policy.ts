import { Actor, ForbiddenError, hasRole, NotFoundError, Role } from '@hst/common';

/** Who reads every order (the buyer and the vendor read their own). */
export const ORDER_READER_ROLES: Role[] = ['admin', 'regulator'];

type Parties = { id: string; buyerId: string; vendorId: string };

/** Whether the actor may see the order at all: a party, or a platform reader. */
export const canReadOrder = (actor: Actor, order: Omit<Parties, 'id'>): boolean =>
  order.buyerId === actor.subjectId || order.vendorId === actor.subjectId || hasRole(actor, ...ORDER_READER_ROLES);

/**
 * The one access decision for orders: 404 unless the actor is a party or a platform reader; paying
 * cancelling, confirming and disputing are the buyer's (403 for the others who can see the order).
 */
export function orderRoleFor(
  actor: Actor,
  order: Parties,
  action: 'read' | 'pay' | 'cancel' | 'confirm' | 'dispute',
): Role {
  if (!canReadOrder(actor, order)) throw new NotFoundError('order', order.id);
  if (action === 'read') return actor.roles[0];
  if (order.buyerId === actor.subjectId && hasRole(actor, 'buyer')) return 'buyer';
  throw new ForbiddenError(`Only the buyer may ${action} this order`);
}
