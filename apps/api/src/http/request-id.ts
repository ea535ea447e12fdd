import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const SANE = /^[\w.-]{1,128}$/;
const ids = new WeakMap<IncomingMessage, string>();

/**
 * The request's id: the caller's X-Request-Id when it is sane, else a new UUID. Fastify and the
 * logger both ask, and get the same answer for the same request.
 */
export function requestIdOf(req: IncomingMessage): string {
  let id = ids.get(req);
  if (id === undefined) {
    const given = req.headers['x-request-id'];
    id = typeof given === 'string' && SANE.test(given) ? given : randomUUID();
    ids.set(req, id);
  }
  return id;
}
