import { NestFactory } from '@nestjs/core';
import type { ModuleMetadata } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LevelWithSilent } from 'pino';
import type { HealthModuleOptions } from '../health/health-module.options';
import type { OpenApiOptions } from '../openapi/setup-open-api.util';
import { configureHttpApp } from './configure-http-app.util';
import { createFastifyAdapter } from './create-fastify-adapter.util';
import { enableGracefulShutdown } from './graceful-shutdown.util';
import { HttpAppModule } from './http-app.module';

export interface BootstrapHttpServiceOptions {
  serviceName: string;
  port: number;
  host?: string;
  logLevel?: LevelWithSilent;
  /** Serve OpenAPI docs at `openApi.path` (default `/docs`). */
  openApi?: OpenApiOptions;
  shutdownGraceMs?: number;
  bodyLimit?: number;
  health?: HealthModuleOptions;
}

type ServiceModule = NonNullable<ModuleMetadata['imports']>[number];

/**
 * The whole `main.ts` of a service: wrap its module with logging, metrics and health, create the Fastify
 * app, configure it, shut it down gracefully on SIGTERM/SIGINT, listen. Resolves once listening.
 */
export async function bootstrapHttpService(
  serviceModule: ServiceModule,
  options: BootstrapHttpServiceOptions,
): Promise<NestFastifyApplication> {
  const root = HttpAppModule.forRoot({
    serviceName: options.serviceName,
    imports: [serviceModule],
    ...(options.logLevel === undefined ? {} : { logLevel: options.logLevel }),
    ...(options.health === undefined ? {} : { health: options.health }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    root,
    createFastifyAdapter(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),

    { bufferLogs: true },
  );
  configureHttpApp(app, options.openApi === undefined ? {} : { openApi: options.openApi });
  enableGracefulShutdown(app, { graceMs: options.shutdownGraceMs ?? 10_000 });
  await app.listen({ port: options.port, host: options.host ?? '0.0.0.0' });
  return app;
}
