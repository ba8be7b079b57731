import { Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { registerRequestContextHooks } from '@llmops/observability';
import { Logger } from 'nestjs-pino';
import { ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';
import { registerFastifyErrorCapture } from '../errors/fastify-error-capture.hook';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { type OpenApiOptions, setupOpenApi } from '../openapi/setup-open-api.util';
import { enableStreamingUploads } from './streaming-uploads.util';

export interface ConfigureHttpAppOptions {
  /** Serve OpenAPI docs; omit to serve none. */
  openApi?: OpenApiOptions;
}

const configured = new WeakSet<object>();

/**
 * Everything an llmops HTTP app needs besides its modules: request context and correlation ids, the pino
 * logger, problem+json errors, zod validation and serialization, OpenAPI. Separate from creating and
 * listening so the standalone host, tests and single services configure apps the same way. Call once,
 * before `app.init()`/`app.listen()`: Fastify fixes a route's hooks when the route is registered.
 */
export function configureHttpApp(app: NestFastifyApplication, options: ConfigureHttpAppOptions = {}): void {
  if (configured.has(app)) return;
  configured.add(app);
  const fastify = app.getHttpAdapter().getInstance();
  registerRequestContextHooks(fastify);
  registerFastifyErrorCapture(fastify);
  enableStreamingUploads(fastify);

  const logger = pinoLogger(app);
  if (logger) {
    app.useLogger(logger);
    app.flushLogs();
  }
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(new ZodValidationPipe());
  app.useGlobalInterceptors(new ZodSerializerInterceptor(app.get(Reflector)));
  if (options.openApi) {
    setupOpenApi(app, options.openApi);
  }
}

/** The nestjs-pino logger when the app imports it (HttpAppModule does); tests may run without it. */
function pinoLogger(app: NestFastifyApplication): Logger | undefined {
  try {
    return app.get(Logger, { strict: false });
  } catch {
    return undefined;
  }
}
