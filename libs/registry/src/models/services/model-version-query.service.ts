import { Injectable } from '@nestjs/common';
import type { ModelStage } from '@llmops/contracts';
import type { ModelVersionView } from '../dtos/model-version-view.dto';
import type { StageAtTime, StageHistoryEntry } from '../dtos/stage-history.dto';
import { ModelStageHistoryRepository } from '../repositories/model-stage-history.repository';
import { ModelVersionRepository } from '../repositories/model-version.repository';
import { ModelLookupService } from './model-lookup.service';

/** Read side of versions: lists, single versions, stage history. */
@Injectable()
export class ModelVersionQueryService {
  constructor(
    private readonly lookup: ModelLookupService,
    private readonly versions: ModelVersionRepository,
    private readonly stageHistory: ModelStageHistoryRepository,
  ) {}

  async list(
    name: string,
    filter: { stage?: ModelStage; limit: number; offset: number },
  ): Promise<ModelVersionView[]> {
    return this.versions.list((await this.lookup.model(name)).id, filter);
  }

  get(name: string, version: number): Promise<ModelVersionView> {
    return this.lookup.modelVersion(name, version);
  }

  /** Stage changes of a model (or of one of its versions), oldest first. */
  async history(name: string, version?: number): Promise<StageHistoryEntry[]> {
    const model = await this.lookup.model(name);
    if (version === undefined) return this.stageHistory.list(model.id);
    return this.stageHistory.list(model.id, (await this.lookup.version(model, version)).id);
  }

  /** Every version's stage at `at`: which one was in production (staging, ...) at that time. */
  async stagesAt(name: string, at: Date): Promise<StageAtTime[]> {
    return this.stageHistory.stagesAt((await this.lookup.model(name)).id, at);
  }
}
