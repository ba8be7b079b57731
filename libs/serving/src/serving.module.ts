import { type DynamicModule, Module } from '@nestjs/common';
import { serviceDataModules, type ServiceInfraOptions } from '@llmops/messaging';

/**
 * The serving service. The Foundation gives it its schema, outbox, idempotent consumer and HTTP surface
 * (health, metrics, docs); its own capability arrives with its issue.
 */
@Module({})
export class ServingModule {
  static register(infra: ServiceInfraOptions): DynamicModule {
    return {
      module: ServingModule,
      imports: [...serviceDataModules({ service: 'serving', database: infra.database })],
    };
  }
}
