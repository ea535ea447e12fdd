import { DomainError, ErrorKind } from '@hst/common';
import { isUniqueViolation } from '@hst/database';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

const STATUS_OF: Record<ErrorKind, number> = {
  [ErrorKind.Invalid]: 400,
  [ErrorKind.Unauthenticated]: 401,
  [ErrorKind.Forbidden]: 403,
  [ErrorKind.NotFound]: 404,
  [ErrorKind.Conflict]: 409,
  [ErrorKind.Rejected]: 422,
  [ErrorKind.TooMany]: 429,
};

type ErrorBody = { statusCode: number; error: string; message: string | string[]; code?: string; errorId?: string };

const body = (statusCode: number, message: string | string[], code?: string): ErrorBody => ({
  statusCode,
  error: STATUS_CODES[statusCode] ?? 'Error',
  message,
  ...(code ? { code } : {}),
});

/**
 * The one place errors become HTTP responses, in the NestJS shape { statusCode, error, message }.
 * Domain errors map by kind; Fastify's own 4xx (malformed JSON 400, body too large 413, unsupported
 * type 415) keep their status; anything unexpected is a 500 with an errorId that is logged.
 */
@Catch()
export class ExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { statusCode, payload } = this.toResponse(exception);
    void reply.status(statusCode).send(payload);
  }

  private toResponse(exception: unknown): { statusCode: number; payload: unknown } {
    if (exception instanceof DomainError) {
      const statusCode = STATUS_OF[exception.kind];
      return { statusCode, payload: body(statusCode, exception.message, exception.code) };
    }
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const statusCode = exception.getStatus();
      return { statusCode, payload: typeof response === 'object' ? response : body(statusCode, response) };
    }
    if (isUniqueViolation(exception)) {
      // A race that slipped past a service's own duplicate check.
      return { statusCode: 409, payload: body(409, 'This conflicts with an existing record', 'conflict') };
    }
    const fastifyStatus = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return { statusCode: fastifyStatus, payload: body(fastifyStatus, (exception as Error).message) };
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, 'unexpected error');
    return { statusCode: 500, payload: { ...body(500, 'Internal server error'), errorId } };
  }
}
