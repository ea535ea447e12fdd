import type { IdempotentRequest } from '@hst/trading';
import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

/** The Idempotency-Key of the request and what it fingerprints (method, path, raw body); trading decides. */
export const Idempotency = createParamDecorator((_: unknown, ctx: ExecutionContext): IdempotentRequest => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const header = request.headers['idempotency-key'];
  return {
    key: typeof header === 'string' ? header : undefined,
    method: request.method,
    path: request.url,
    body: request.body ?? {},
  };
});

/** Swagger: the route needs an Idempotency-Key. */
export const ApiIdempotencyKey = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description:
        '1-255 characters, scoped to your subject: a retry with the same key and request replays the first answer; ' +
        'another request with the same key is 409; missing → 400. Kept at least 24 h.',
    }),
  );
