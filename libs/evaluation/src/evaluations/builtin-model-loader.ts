import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { BaseReference, LoadedModel } from '@llmops/model-runtime';
import { isBuiltinBaseName, loadBuiltinBase, loadModel } from '@llmops/model-runtime';
import { EvaluationError } from '@llmops/eval-suite';
import { objectKeyOf, ObjectStore } from '@llmops/storage';
import { ModelCatalogRepository, type CatalogModelVersion } from '../catalog/model-catalog.repository';

const LOADABLE_ROLES = new Set(['model', 'adapter', 'tokenizer', 'config']);
/** Loaded models kept for the next evaluation (a champion is evaluated again and again). */
const CACHE_SIZE = 4;

/**
 * Loads a registered builtin model from the object store: the files its version lists, each checked
 * against the sha256 the registry verified, then the runtime's own checks (format, per-file hashes,
 * adapter bound to its exact base).
 */
@Injectable()
export class BuiltinModelLoader {
  private readonly cache = new Map<string, Promise<LoadedModel>>();

  constructor(
    private readonly store: ObjectStore,
    private readonly models: ModelCatalogRepository,
  ) {}

  load(version: CatalogModelVersion): Promise<LoadedModel> {
    const cached = this.cache.get(version.versionId);
    if (cached) return cached;
    const loading = this.read(version);
    this.cache.set(version.versionId, loading);
    loading.catch(() => this.cache.delete(version.versionId));
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value ?? '');
    return loading;
  }

  private async read(version: CatalogModelVersion): Promise<LoadedModel> {
    if (version.format !== 'builtin') {
      throw new EvaluationError(
        'EVAL_UNSUPPORTED_MODEL_FORMAT',
        `${version.modelName} v${String(version.version)} is ${version.format}`,
      );
    }
    const files = [];
    for (const artifact of version.artifacts.filter((a) => LOADABLE_ROLES.has(a.role))) {
      const bytes = await this.store.getBuffer(objectKeyOf(artifact.uri)).catch((error: unknown) => {
        throw new EvaluationError(
          'EVAL_MODEL_UNAVAILABLE',
          `${artifact.uri}: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      if (createHash('sha256').update(bytes).digest('hex') !== artifact.sha256) {
        throw new EvaluationError(
          'EVAL_MODEL_UNAVAILABLE',
          `${artifact.uri} does not match its registered sha256`,
        );
      }
      files.push({
        name: artifact.uri.slice(artifact.uri.lastIndexOf('/') + 1),
        bytes: new Uint8Array(bytes),
      });
    }
    try {
      return await loadModel(files, { resolveBase: (reference) => this.resolveBase(reference) });
    } catch (error) {
      if (error instanceof EvaluationError) throw error;
      throw new EvaluationError(
        'EVAL_MODEL_UNAVAILABLE',
        `${version.modelName} v${String(version.version)}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async resolveBase(reference: BaseReference): Promise<LoadedModel> {
    const ref = reference.ref;
    if (ref?.kind === 'builtin' && isBuiltinBaseName(ref.name)) return loadBuiltinBase(ref.name);
    if (ref?.kind === 'registry') {
      const base = await this.models.byId(ref.versionId);
      if (base) return this.load(base);
    }
    throw new EvaluationError(
      'EVAL_MODEL_UNAVAILABLE',
      `the adapter's base (${ref ? JSON.stringify(ref) : `weights sha256 ${reference.weightsSha256}`}) is not available`,
    );
  }
}
