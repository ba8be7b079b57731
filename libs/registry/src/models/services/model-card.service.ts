import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import { ObjectStore } from '@llmops/storage';
import type { ModelCardSectionKey } from '../domain/model-card-sections';
import { renderModelCard, type RenderedModelCard } from '../domain/model-card.renderer';
import type { ModelCardView, UpdateModelCard } from '../dtos/model-card.dto';
import type { ModelVersionView } from '../dtos/model-version-view.dto';
import { ModelCardRepository, type StoredModelCard } from '../repositories/model-card.repository';
import { ModelLookupService } from './model-lookup.service';

/**
 * Model cards: generated from what the registry knows about a version (lineage, training, metrics),
 * with sections people edit. Edits are stored with the version (database) and the rendered Markdown is
 * written to `models/<modelId>/<version>/model-card.md` with its sha256 recorded.
 */
@Injectable()
export class ModelCardService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly lookup: ModelLookupService,
    private readonly cards: ModelCardRepository,
    private readonly store: ObjectStore,
  ) {}

  async view(modelName: string, version: number): Promise<ModelCardView> {
    const model = await this.lookup.model(modelName);
    const v = await this.lookup.version(model, version);
    const stored = await this.cards.find(v.id);
    return toView(
      v,
      renderModelCard({ modelDescription: model.description, version: v, overrides: stored?.sections ?? {} }),
      stored,
    );
  }

  /** Whether every required section (intended use, training data, evaluation, limitations) has content. */
  async isComplete(modelName: string, version: number): Promise<boolean> {
    return (await this.view(modelName, version)).complete;
  }

  /** Merges section edits, renders, writes the Markdown to the object store and records its checksum. */
  async updateSections(
    modelName: string,
    version: number,
    update: UpdateModelCard,
    actor: Actor,
  ): Promise<ModelCardView> {
    return this.tx.run(async () => {
      const model = await this.lookup.model(modelName);
      const v = await this.lookup.version(model, version);
      const sections = mergeSections(await this.cards.lockOrCreate(v.id, actor), update);
      const card = renderModelCard({ modelDescription: model.description, version: v, overrides: sections });
      // Written before the row commits: if the commit fails the object is overwritten by the next edit,
      // while the opposite order could leave a row pointing at bytes that were never written.
      const object = await this.store.put(cardKey(v), card.markdown, {
        contentType: 'text/markdown; charset=utf-8',
      });
      await this.cards.save(v.id, {
        sections,
        markdown: card.markdown,
        uri: object.uri,
        sha256: object.sha256,
        size: object.size,
        complete: card.complete,
        updatedBy: actor,
      });
      return toView(v, card, await this.cards.find(v.id));
    });
  }
}

/** DESIGN §3 layout: the card lives beside the version's other files. */
export function cardKey(v: ModelVersionView): string {
  return `models/${v.modelId}/${v.version}/model-card.md`;
}

function mergeSections(
  current: Partial<Record<ModelCardSectionKey, string>>,
  update: UpdateModelCard,
): Partial<Record<ModelCardSectionKey, string>> {
  const edits = Object.entries({ ...current, ...update.sections }) as [ModelCardSectionKey, string | null][];
  return Object.fromEntries(edits.filter(([, body]) => body !== null && body.trim() !== ''));
}

function toView(v: ModelVersionView, card: RenderedModelCard, stored: StoredModelCard | null): ModelCardView {
  const liveSha = createHash('sha256').update(card.markdown).digest('hex');
  return {
    modelName: v.modelName,
    version: v.version,
    complete: card.complete,
    missingSections: card.missingSections,
    sections: card.sections,
    markdown: card.markdown,
    stored:
      stored?.uri && stored.sha256 && stored.size !== null
        ? {
            uri: stored.uri,
            sha256: stored.sha256,
            size: stored.size,
            current: stored.sha256 === liveSha,
            updatedBy: stored.updatedBy,
            updatedAt: stored.updatedAt,
          }
        : null,
  };
}
