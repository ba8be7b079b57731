import { type DynamicModule, Module } from '@nestjs/common';
import { serviceDataModules, type ServiceInfraOptions } from '@llmops/messaging';

/**
 * The monitoring service. The Foundation gives it its schema, outbox, idempotent consumer and HTTP surface
 * (health, metrics, docs); its own capability arrives with its issue.
 */
@Module({})
export class MonitoringModule {
  static register(infra: ServiceInfraOptions): DynamicModule {
    return {
      module: MonitoringModule,
      imports: [...serviceDataModules({ service: 'monitoring', database: infra.database })],
    };
  }
}
