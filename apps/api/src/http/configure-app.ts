import type { Env } from '@hst/common';
import { MetricsService } from '@hst/metrics';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiModule } from '../app.module';
import { requestIdOf } from './request-id';
import { findUnstorableText } from './unstorable-text';

export const API_PREFIX = 'api/v1';
const DATASET_ROUTE = `/${API_PREFIX}/products/:id/dataset`;

/** Builds the API exactly as main.ts serves it; tests use the same function. */
export async function createApiApp(env: Env): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY ?? false,
    genReqId: requestIdOf,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(env), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
  app.enableShutdownHooks();

  const metrics = app.get(MetricsService);
  const fastify = app.getHttpAdapter().getInstance();
  // Dataset uploads (PUT /products/:id/dataset) may be larger than other bodies, and may be CSV.
  fastify.addHook('onRoute', (route) => {
    if (route.method === 'PUT' && route.url === DATASET_ROUTE) route.bodyLimit = env.DATASET_MAX_BYTES;
  });
  fastify.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, text, done) => done(null, text));
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });
  fastify.addHook('preHandler', (request, reply, done) => {
    const where =
      findUnstorableText(request.params, 'path') ??
      findUnstorableText(request.query, 'query') ??
      findUnstorableText(request.body, 'body');
    if (where === undefined) return done();
    void reply.code(400).send({
      statusCode: 400,
      error: 'Bad Request',
      message: `${where} contains a NUL character or an unpaired surrogate`,
    });
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('汉数通 Han Data Exchange API')
      .setDescription('The data-element marketplace API. Contract: shared/contract/API.md')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
