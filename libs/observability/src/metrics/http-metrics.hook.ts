import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NestFastifyInstance } from '../nest-fastify-instance.type';
import { MetricsRegistry } from './metrics.registry';

export const HTTP_REQUEST_DURATION_METRIC = 'llmops_http_request_duration_seconds';

// Upper buckets reach a minute: completions from a large model legitimately take that long.
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

// A Fastify instance gets the hook once even if two metrics modules end up in one app.
const instrumented = new WeakSet<object>();

/**
 * Records every response, including 404s, body-parser rejections and guard denials that a Nest
 * interceptor would never see. `route` is the route pattern (`/v1/datasets/:id`), or `unmatched`,
 * so the label set stays small whatever URLs clients send.
 */
@Injectable()
export class HttpMetricsHook implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: MetricsRegistry,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    if (adapter?.getType() !== 'fastify') return;
    const fastify = adapter.getInstance<NestFastifyInstance>();
    if (instrumented.has(fastify)) return;
    instrumented.add(fastify);
    const duration = this.metrics.histogram({
      name: HTTP_REQUEST_DURATION_METRIC,
      help: 'HTTP request duration in seconds, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: BUCKETS,
    });
    fastify.addHook('onResponse', (request, reply, done) => {
      const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
      duration.observe(
        { method: request.method, route, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }
}
