import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ReadinessModule, ReadinessRegistry } from '@llmops/observability';
import { HEALTH_MODULE_OPTIONS, type HealthModuleOptions } from './health-module.options';
import { HealthController } from './health.controller';

/**
 * `GET /health/live` and `GET /health/ready`. Checks come from ReadinessRegistry (in observability), where
 * messaging, persistence and storage register theirs, so this lib never imports them.
 */
@Module({})
export class HealthModule implements OnModuleInit {
  constructor(
    private readonly readiness: ReadinessRegistry,
    @Inject(HEALTH_MODULE_OPTIONS) private readonly options: HealthModuleOptions,
  ) {}

  static forRoot(options: HealthModuleOptions = {}): DynamicModule {
    return {
      module: HealthModule,
      imports: [ReadinessModule],
      controllers: [HealthController],
      providers: [{ provide: HEALTH_MODULE_OPTIONS, useValue: options }],
    };
  }

  onModuleInit(): void {
    for (const check of this.options.checks ?? []) {
      this.readiness.register(check.name, () => check.check());
    }
  }
}
