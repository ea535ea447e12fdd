import { canonicalJson } from '@hst/common';
import { createHash } from 'node:crypto';

/** What the HTTP layer hands a money-moving service: the Idempotency-Key and what it fingerprints. */
export type IdempotentRequest = { key: string | undefined; method: string; path: string; body: unknown };

export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** Keys are kept at least this long (the contract asks for ≥ 24 h); the timer sweep purges older ones. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 48;

/** sha256 hex of the canonical JSON (RFC 8785) of method, path (without query) and body. */
export function requestFingerprint(request: Omit<IdempotentRequest, 'key'>): string {
  const path = request.path.split('?')[0];
  const canonical = canonicalJson({ method: request.method.toUpperCase(), path, body: request.body ?? null });
  return createHash('sha256').update(canonical).digest('hex');
}
