import type { Env } from '@hst/common';
import { DynamicModule, RequestMethod } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { requestIdOf } from './request-id';

/** Structured JSON logs; each line of a request carries its id (see request-id.ts). */
export function loggerModule(env: Env): DynamicModule {
  return LoggerModule.forRoot({
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: env.LOG_LEVEL,
      genReqId: (req: IncomingMessage) => requestIdOf(req),
      redact: ['req.headers.authorization', 'req.headers["x-access-key"]', 'req.headers.cookie'],
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/metrics' || req.url === '/api/v1/health' },
    },
  });
}
