import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import {
  createLoggerModule,
  type LoggerModuleOptions,
  MetricsModule,
  type MetricsRegistryOptions,
} from '@llmops/observability';
import type { LevelWithSilent } from 'pino';
import { HealthModule } from '../health/health.module';
import type { HealthModuleOptions } from '../health/health-module.options';

export interface HttpAppModuleOptions {
  /** `service` label on every log line and metric; `standalone` for the all-in-one host. */
  serviceName: string;
  logLevel?: LevelWithSilent;
  /** The feature modules this process serves: one service, or all seven in the standalone host. */
  imports: NonNullable<ModuleMetadata['imports']>;
  health?: HealthModuleOptions;
  metrics?: MetricsRegistryOptions;
  logger?: LoggerModuleOptions;
}

/**
 * Root module of an HTTP process: logging, metrics and health once, around the feature modules. Feature
 * modules never import these themselves, which is what lets the standalone host mount all seven services
 * in one app without duplicate `/metrics` or `/health` routes.
 */
@Module({})
export class HttpAppModule {
  static forRoot(options: HttpAppModuleOptions): DynamicModule {
    return {
      module: HttpAppModule,
      imports: [
        createLoggerModule(options.serviceName, options.logLevel ?? 'info', options.logger),
        MetricsModule.forRoot(options.serviceName, options.metrics),
        HealthModule.forRoot(options.health),
        ...options.imports,
      ],
    };
  }
}
