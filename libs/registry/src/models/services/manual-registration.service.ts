import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { TransactionHost } from '@llmops/persistence';
import type { ModelVersionView, VersionArtifact } from '../dtos/model-version-view.dto';
import type { RegisterModelVersion } from '../dtos/register-model-version.dto';
import { ModelVersionRepository } from '../repositories/model-version.repository';
import { ManualArtifactsService } from './manual-artifacts.service';
import { ModelAccessService } from './model-access.service';
import { ModelLookupService } from './model-lookup.service';
import { ModelVersionRegistrar } from './model-version-registrar.service';

/**
 * Registration by hand: objects already in the store (or uploaded through a presigned URL), and files
 * downloaded from external URLs, all verified before the version is numbered.
 */
@Injectable()
export class ManualRegistrationService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly lookup: ModelLookupService,
    private readonly access: ModelAccessService,
    private readonly files: ManualArtifactsService,
    private readonly versions: ModelVersionRepository,
    private readonly registrar: ModelVersionRegistrar,
  ) {}

  async register(name: string, dto: RegisterModelVersion, actor: Actor): Promise<ModelVersionView> {
    const model = await this.lookup.model(name);
    this.access.assertCanMaintain(actor, model);
    // Cheap refusals first, so nothing is downloaded for a request that cannot succeed.
    await this.assertRunFree(dto.lineage.runId);
    // The version's id is fixed now so downloads land in its folder; its number is given at commit,
    // under the model's lock, so a failed download or verification uses none up.
    const versionId = uuidv7();
    // Outside the transaction: reading, sealing or downloading objects can take a while and holds no lock.
    const collected = await this.files.collect(
      dto.artifacts,
      `models/${model.id}/${versionId}`,
      dto.download,
    );
    try {
      return await this.commit(name, dto, actor, versionId, collected.artifacts);
    } catch (error) {
      await this.files.discard(collected);
      throw error;
    }
  }

  private commit(
    name: string,
    dto: RegisterModelVersion,
    actor: Actor,
    versionId: string,
    artifacts: VersionArtifact[],
  ): Promise<ModelVersionView> {
    return this.tx.run(async () => {
      const model = await this.lookup.model(name);
      this.access.assertCanMaintain(actor, model);
      await this.assertRunFree(dto.lineage.runId);
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
        versionId,
      );
    });
  }

  private async assertRunFree(runId: string | null): Promise<void> {
    if (runId !== null && (await this.versions.findByRunId(runId))) {
      throw new AppError(
        'RUN_ALREADY_REGISTERED',
        409,
        `training run ${runId} already has a registered version`,
      );
    }
  }
}
