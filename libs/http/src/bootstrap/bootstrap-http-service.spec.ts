import { Controller, Get, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ReadinessRegistry, type ReadinessStatus } from '@llmops/observability';
import type { AddressInfo } from 'node:net';
import { bootstrapHttpService } from './bootstrap-http-service.util';
import { createGracefulShutdown } from './graceful-shutdown.util';

/** Records what the world looked like when modules were asked to close. */
@Injectable()
class ShutdownProbe implements OnModuleDestroy {
  static httpListeningAtDestroy: boolean | undefined;
  static readinessAtDestroy: ReadinessStatus | undefined;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly readiness: ReadinessRegistry,
  ) {}

  async onModuleDestroy(): Promise<void> {
    ShutdownProbe.httpListeningAtDestroy = this.adapterHost.httpAdapter.getHttpServer().listening;
    ShutdownProbe.readinessAtDestroy = (await this.readiness.evaluate()).status;
  }
}

@Controller('v1/ping')
class PingController {
  @Get()
  ping(): { pong: true } {
    return { pong: true };
  }
}

@Module({ controllers: [PingController], providers: [ShutdownProbe] })
class PingModule {}

describe('bootstrapHttpService', () => {
  let app: NestFastifyApplication;
  const added = new Map<NodeJS.Signals, NodeJS.SignalsListener[]>();

  beforeAll(async () => {
    const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];
    const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
    app = await bootstrapHttpService(PingModule, {
      serviceName: 'ping',
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      shutdownGraceMs: 5000,
      openApi: { title: 'Ping', version: '0.0.1' },
    });
    for (const signal of signals) {
      added.set(
        signal,
        process.listeners(signal).filter((listener) => !before.get(signal)?.includes(listener)),
      );
    }
  });

  afterAll(() => {
    for (const [signal, listeners] of added) {
      for (const listener of listeners) process.removeListener(signal, listener);
    }
  });

  it('listens with routes, health, metrics and docs, and traps SIGTERM and SIGINT', async () => {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const ping = await fetch(`${base}/v1/ping`);
    expect(ping.status).toBe(200);
    expect(ping.headers.get('x-correlation-id')).toBeTruthy();
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('service="ping"');
    expect((await fetch(`${base}/docs/json`)).status).toBe(200);
    const missing = await fetch(`${base}/v1/nope`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(added.get('SIGTERM')).toHaveLength(1);
    expect(added.get('SIGINT')).toHaveLength(1);
  });

  it('shuts down in order: not ready, HTTP closed, then modules destroyed', async () => {
    const shutdown = createGracefulShutdown(app, 5000);
    await Promise.all([shutdown('SIGTERM'), shutdown('SIGTERM')]);
    expect(ShutdownProbe.readinessAtDestroy).toBe('shutting-down');
    expect(ShutdownProbe.httpListeningAtDestroy).toBe(false);
    expect(app.getHttpServer().listening).toBe(false);
  });
});
