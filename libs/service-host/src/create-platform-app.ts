import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthModule } from '@llmops/auth';
import { configureHttpApp, createFastifyAdapter, HttpAppModule } from '@llmops/http';
import { EventServerRegistry, TransportModule } from '@llmops/messaging';
import { ReadinessRegistry } from '@llmops/observability';
import { StorageHealthIndicator, StorageModule } from '@llmops/storage';
import { OutboxAuditSink } from './outbox-audit.sink';
import type { PlatformConfig } from './platform.config';
import type { ServiceDefinition } from './service-definition';

export interface PlatformAppOptions {
  /** `service` label of logs and metrics: the service name, or `standalone`. */
  name: string;
  services: readonly ServiceDefinition[];
  config: PlatformConfig;
}

/**
 * Builds (but does not start listening) an app hosting `services` over the configured infrastructure:
 * the transport, storage and auth once per process, each service with its own schema and messaging, and
 * one Nest microservice (event server) per consuming service.
 */
export async function createPlatformApp(options: PlatformAppOptions): Promise<NestFastifyApplication> {
  const { config } = options;
  const root = HttpAppModule.forRoot({
    serviceName: options.name,
    logLevel: config.base.LOG_LEVEL,
    imports: [
      TransportModule.forRoot(config.messaging),
      StorageModule.forRoot(config.storage),
      AuthModule.forRoot(config.auth, { auditSink: OutboxAuditSink }),
      ...options.services.map((service) => service.register({ database: config.database, env: config.env })),
    ],
  });
  const app = await NestFactory.create<NestFastifyApplication>(root, createFastifyAdapter(), {
    bufferLogs: true,
  });
  configureHttpApp(app, {
    openApi: {
      title: options.name === 'standalone' ? 'llmops' : `llmops ${options.name}`,
      version: '0.1.0',
      description: `REST API of ${options.services.map((s) => s.name).join(', ')}.`,
      path: '/docs',
    },
  });

  const storage = app.get(StorageHealthIndicator);
  app.get(ReadinessRegistry).register('storage', async () => {
    const health = await storage.check(2000);
    return health.ok ? { ok: true } : { ok: false, detail: health.detail ?? 'unavailable' };
  });

  for (const server of app.get(EventServerRegistry).servers) {
    app.connectMicroservice({ strategy: server }, { inheritAppConfig: false });
  }
  return app;
}
