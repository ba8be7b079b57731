import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { TransactionHost } from '@llmops/persistence';
import type { CreateModel, ModelPermissions, ModelView } from '../dtos/model.dto';
import { ModelRepository } from '../repositories/model.repository';
import { ModelAccessService } from './model-access.service';
import { ModelLookupService } from './model-lookup.service';

/** Registered models: create, read, describe, and who may maintain them. */
@Injectable()
export class ModelService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly models: ModelRepository,
    private readonly lookup: ModelLookupService,
    private readonly access: ModelAccessService,
  ) {}

  /** The creator becomes an owner, so a new model is never left open by accident. */
  create(dto: CreateModel, actor: Actor): Promise<ModelView> {
    return this.tx.run(async () => {
      const id = uuidv7();
      const created = await this.models.insert({
        id,
        name: dto.name,
        description: dto.description,
        createdBy: actor,
      });
      if (!created) throw new AppError('MODEL_NAME_TAKEN', 409, `a model named ${dto.name} already exists`);
      const owners = dto.owners.includes(actor.subject) ? dto.owners : [actor.subject, ...dto.owners];
      await this.models.replacePermissions(id, { owners, maintainers: dto.maintainers });
      return this.lookup.model(dto.name);
    });
  }

  list(filter: { limit: number; offset: number; q?: string }): Promise<ModelView[]> {
    return this.models.list(filter);
  }

  get(name: string): Promise<ModelView> {
    return this.lookup.model(name);
  }

  update(name: string, description: string, actor: Actor): Promise<ModelView> {
    return this.tx.run(async () => {
      const model = await this.lookup.model(name);
      this.access.assertCanMaintain(actor, model);
      await this.models.setDescription(model.id, description);
      return this.lookup.model(name);
    });
  }

  setPermissions(name: string, permissions: ModelPermissions, actor: Actor): Promise<ModelView> {
    return this.tx.run(async () => {
      const model = await this.lookup.model(name);
      this.access.assertCanAdminister(actor, model);
      await this.models.lock(model.id);
      await this.models.replacePermissions(model.id, permissions);
      return this.lookup.model(name);
    });
  }
}
