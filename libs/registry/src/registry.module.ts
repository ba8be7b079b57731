import { type DynamicModule, Module } from '@nestjs/common';
import { serviceDataModules, type ServiceInfraOptions } from '@llmops/messaging';
import { approvalsPart } from './approvals/approvals.part';
import { auditPart } from './audit/audit.part';
import { lineagePart } from './lineage/lineage.part';
import { modelsPart } from './models/models.part';
import { promptsPart } from './prompts/prompts.part';

/** Migration order across areas is the order of their timestamps (each area has its own range). */
const PARTS = [modelsPart, approvalsPart, lineagePart, promptsPart, auditPart];

/**
 * Registry: models and versions with their lifecycle, approvals, lineage and deployment history,
 * prompts, model cards and the hash-chained audit log — one service, one schema, one outbox.
 */
@Module({})
export class RegistryModule {
  static register(infra: ServiceInfraOptions): DynamicModule {
    return {
      module: RegistryModule,
      imports: [
        ...serviceDataModules({
          service: 'registry',
          database: infra.database,
          entities: PARTS.flatMap((p) => p.entities),
          migrations: PARTS.flatMap((p) => p.migrations),
        }),
      ],
      controllers: PARTS.flatMap((p) => p.controllers),
      providers: PARTS.flatMap((p) => p.providers),
    };
  }
}
