import { Injectable } from '@nestjs/common';
import type { Actor } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { TransactionHost } from '@llmops/persistence';
import type { ModelAliasView } from '../dtos/model-alias.dto';
import type { ModelVersionView } from '../dtos/model-version-view.dto';
import { ModelAliasRepository } from '../repositories/model-alias.repository';
import { ModelRepository } from '../repositories/model.repository';
import { ModelAccessService } from './model-access.service';
import { ModelLookupService } from './model-lookup.service';

/** Aliases (`champion`, `challenger`, custom): each points at exactly one version of its model. */
@Injectable()
export class ModelAliasService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly lookup: ModelLookupService,
    private readonly access: ModelAccessService,
    private readonly models: ModelRepository,
    private readonly aliases: ModelAliasRepository,
  ) {}

  /** Creates the alias or moves it to `version`. */
  set(name: string, alias: string, version: number, actor: Actor): Promise<ModelAliasView> {
    return this.tx.run(async () => {
      const model = await this.lookup.model(name);
      this.access.assertCanMaintain(actor, model);
      const target = await this.lookup.version(model, version);
      if (target.stage === 'archived') {
        throw new AppError(
          'ALIAS_TARGET_ARCHIVED',
          409,
          `${name} v${version} is archived; an alias must point at a usable version`,
        );
      }
      // Same lock as stage changes: archiving a version and aliasing it cannot interleave.
      await this.models.lock(model.id);
      await this.aliases.upsert(model.id, alias, target.id, actor);
      return this.get(name, alias);
    });
  }

  async get(name: string, alias: string): Promise<ModelAliasView> {
    const model = await this.lookup.model(name);
    const found = await this.aliases.find(model.id, alias);
    if (!found) throw new AppError('MODEL_ALIAS_NOT_FOUND', 404, `model ${name} has no alias ${alias}`);
    return found;
  }

  /** The version an alias points at. */
  async resolve(name: string, alias: string): Promise<ModelVersionView> {
    return this.lookup.modelVersion(name, (await this.get(name, alias)).version);
  }

  async list(name: string): Promise<ModelAliasView[]> {
    return this.aliases.list((await this.lookup.model(name)).id);
  }

  delete(name: string, alias: string, actor: Actor): Promise<void> {
    return this.tx.run(async () => {
      const model = await this.lookup.model(name);
      this.access.assertCanMaintain(actor, model);
      if (!(await this.aliases.delete(model.id, alias))) {
        throw new AppError('MODEL_ALIAS_NOT_FOUND', 404, `model ${name} has no alias ${alias}`);
      }
    });
  }
}
