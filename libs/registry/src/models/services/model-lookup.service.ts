import { Injectable } from '@nestjs/common';
import { AppError } from '@llmops/http';
import type { ModelVersionView } from '../dtos/model-version-view.dto';
import type { ModelView } from '../dtos/model.dto';
import { ModelRepository } from '../repositories/model.repository';
import { ModelVersionRepository } from '../repositories/model-version.repository';

/** Resolves names and numbers to rows, answering 404 with stable codes when they do not exist. */
@Injectable()
export class ModelLookupService {
  constructor(
    private readonly models: ModelRepository,
    private readonly versions: ModelVersionRepository,
  ) {}

  async model(name: string): Promise<ModelView> {
    const model = await this.models.findByName(name);
    if (!model) throw new AppError('MODEL_NOT_FOUND', 404, `no model named ${name}`);
    return model;
  }

  async version(model: ModelView, version: number): Promise<ModelVersionView> {
    const found = await this.versions.find(model.id, version);
    if (!found) {
      throw new AppError('MODEL_VERSION_NOT_FOUND', 404, `model ${model.name} has no version ${version}`);
    }
    return found;
  }

  async modelVersion(name: string, version: number): Promise<ModelVersionView> {
    return this.version(await this.model(name), version);
  }
}
