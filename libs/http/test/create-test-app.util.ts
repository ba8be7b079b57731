import type { ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoggerModuleOptions } from '@llmops/observability';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { Registry } from 'prom-client';
import { Writable } from 'node:stream';
import { configureHttpApp } from '../src/bootstrap/configure-http-app.util';
import { createFastifyAdapter } from '../src/bootstrap/create-fastify-adapter.util';
import { HttpAppModule } from '../src/bootstrap/http-app.module';
import type { HealthModuleOptions } from '../src/health/health-module.options';
import type { OpenApiOptions } from '../src/openapi/setup-open-api.util';

export interface TestAppOptions {
  health?: HealthModuleOptions;
  openApi?: OpenApiOptions;
  bodyLimit?: number;
  logger?: LoggerModuleOptions;
}

export interface TestApp {
  app: NestFastifyApplication;
  registry: Registry;
  inject: Inject;
}

type Inject = (options: InjectOptions | string) => Promise<LightMyRequestResponse>;

/** A real app composed and configured exactly as bootstrapHttpService does, minus listen and signals. */
export async function createTestApp(
  imports: NonNullable<ModuleMetadata['imports']>,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const registry = new Registry();
  const root = HttpAppModule.forRoot({
    serviceName: 'test-service',
    logLevel: options.logger ? 'info' : 'silent',
    imports,
    metrics: { registry, defaultMetrics: false },
    ...(options.health ? { health: options.health } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    root,
    createFastifyAdapter(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),

    { logger: false },
  );
  configureHttpApp(app, options.openApi ? { openApi: options.openApi } : {});
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  return { app, registry, inject: (request) => fastify.inject(request) };
}

/** Collects JSON log lines written by pino. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() !== '') this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    callback();
  }
}
