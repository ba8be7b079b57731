import { type DynamicModule, Module } from '@nestjs/common';
import { serviceDataModules, type ServiceInfraOptions } from '@llmops/messaging';

/**
 * The evaluation service. The Foundation gives it its schema, outbox, idempotent consumer and HTTP surface
 * (health, metrics, docs); its own capability arrives with its issue.
 */
@Module({})
export class EvaluationModule {
  static register(infra: ServiceInfraOptions): DynamicModule {
    return {
      module: EvaluationModule,
      imports: [...serviceDataModules({ service: 'evaluation', database: infra.database })],
    };
  }
}
