import { type DynamicModule, Module } from '@nestjs/common';
import { serviceDataModules, type ServiceInfraOptions } from '@llmops/messaging';

/**
 * The labeling service. The Foundation gives it its schema, outbox, idempotent consumer and HTTP surface
 * (health, metrics, docs); its own capability arrives with its issue.
 */
@Module({})
export class LabelingModule {
  static register(infra: ServiceInfraOptions): DynamicModule {
    return {
      module: LabelingModule,
      imports: [...serviceDataModules({ service: 'labeling', database: infra.database })],
    };
  }
}
