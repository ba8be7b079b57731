import { Injectable } from '@nestjs/common';
import type { Actor } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { TransactionHost } from '@llmops/persistence';
import type { ModelVersionView } from '../dtos/model-version-view.dto';
import type { RegisterModelVersion } from '../dtos/register-model-version.dto';
import { ModelVersionRepository } from '../repositories/model-version.repository';
import { ArtifactVerificationService } from './artifact-verification.service';
import { ModelAccessService } from './model-access.service';
import { ModelLookupService } from './model-lookup.service';
import { ModelVersionRegistrar } from './model-version-registrar.service';

/** Registration by hand: objects already in the store (or uploaded through a presigned URL), verified. */
@Injectable()
export class ManualRegistrationService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly lookup: ModelLookupService,
    private readonly access: ModelAccessService,
    private readonly verifier: ArtifactVerificationService,
    private readonly versions: ModelVersionRepository,
    private readonly registrar: ModelVersionRegistrar,
  ) {}

  async register(name: string, dto: RegisterModelVersion, actor: Actor): Promise<ModelVersionView> {
    this.access.assertCanMaintain(actor, await this.lookup.model(name));
    // Outside the transaction: reading (or sealing) objects can take a while and holds no lock.
    const artifacts = await this.verifier.verify(dto.artifacts);
    return this.tx.run(async () => {
      const model = await this.lookup.model(name);
      this.access.assertCanMaintain(actor, model);
      if (dto.lineage.runId !== null && (await this.versions.findByRunId(dto.lineage.runId))) {
        throw new AppError(
          'RUN_ALREADY_REGISTERED',
          409,
          `training run ${dto.lineage.runId} already has a registered version`,
        );
      }
      return this.registrar.register(
        model,
        {
          format: dto.format,
          artifacts,
          baseModel: dto.baseModel,
          method: dto.method,
          hyperparameters: dto.hyperparameters,
          metrics: dto.metrics,
          tags: dto.tags,
          description: dto.description,
          lineage: { datasets: dto.lineage.datasets, runId: dto.lineage.runId },
          source: { kind: 'manual' },
        },
        actor,
        `registered by ${actor.subject}`,
      );
    });
  }
}
