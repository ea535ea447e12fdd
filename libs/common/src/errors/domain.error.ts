/**
 * What kind of refusal an error is. Domain code speaks in these; the HTTP layer maps them to status
 * codes in exactly one place (the global exception filter).
 */
export enum ErrorKind {
  Invalid = 'invalid', // 400
  Unauthenticated = 'unauthenticated', // 401
  Forbidden = 'forbidden', // 403
  NotFound = 'not_found', // 404
  Conflict = 'conflict', // 409 — illegal transition, duplicate, insufficient funds
  Rejected = 'rejected', // 422 — well-formed but forbidden by a business rule
  TooMany = 'too_many', // 429
}

/** Base of every per-domain exception: a machine-readable code plus a human message. */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id?: string) {
    super(ErrorKind.NotFound, `${entity}_not_found`, id ? `${entity} ${id} not found` : `${entity} not found`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super(ErrorKind.Forbidden, 'forbidden', message);
  }
}
