import type { Env } from '@hst/common';
import { DynamicModule, RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';

const REQUEST_ID = /^[\w.-]{1,128}$/;

/** Structured JSON logs; each request carries an id (the caller's X-Request-Id if sane) echoed back. */
export function loggerModule(env: Env): DynamicModule {
  return LoggerModule.forRoot({
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: env.LOG_LEVEL,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers["x-access-key"]', 'req.headers.cookie'],
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/metrics' || req.url === '/api/v1/health' },
    },
  });
}
