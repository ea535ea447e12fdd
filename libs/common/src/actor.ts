export const SUBJECT_ROLES = ['vendor', 'buyer', 'operator', 'regulator', 'admin'] as const;
export type Role = (typeof SUBJECT_ROLES)[number];

/** Who is acting: a user of a subject, acting with that subject's roles. */
export type Actor = {
  readonly userId: string;
  readonly subjectId: string;
  readonly roles: readonly Role[];
};

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
