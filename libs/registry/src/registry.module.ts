import { type DynamicModule, Module } from '@nestjs/common';
import { serviceDataModules, type ServiceInfraOptions } from '@llmops/messaging';

/**
 * The registry service. The Foundation gives it its schema, outbox, idempotent consumer and HTTP surface
 * (health, metrics, docs); its own capability arrives with its issue.
 */
@Module({})
export class RegistryModule {
  static register(infra: ServiceInfraOptions): DynamicModule {
    return {
      module: RegistryModule,
      imports: [...serviceDataModules({ service: 'registry', database: infra.database })],
    };
  }
}
