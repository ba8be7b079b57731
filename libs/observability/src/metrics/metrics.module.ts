import { type DynamicModule, Module } from '@nestjs/common';
import { HttpMetricsHook } from './http-metrics.hook';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry, type MetricsRegistryOptions } from './metrics.registry';

/**
 * `GET /metrics`, the HTTP duration histogram and an injectable MetricsRegistry. Import it once, in the
 * app's root module (bootstrap does), not in feature modules: it is global, so every lib can inject
 * MetricsRegistry, and a second import with another service name would register `/metrics` twice.
 */
@Module({})
export class MetricsModule {
  static forRoot(serviceName: string, options: MetricsRegistryOptions = {}): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        { provide: MetricsRegistry, useFactory: () => MetricsRegistry.forService(serviceName, options) },
        HttpMetricsHook,
      ],
      exports: [MetricsRegistry],
    };
  }
}
