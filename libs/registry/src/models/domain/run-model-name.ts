import type { BaseModelRef, RunCompletedV1 } from '@llmops/contracts';

const MAX_SLUG = 63;

/**
 * The model a completed run's version is registered under: the run's `modelName` when its spec named
 * one; otherwise it follows from the lineage: fine-tuning a registered version yields the next version of that same model;
 * fine-tuning a builtin or Hugging Face base yields a model named after the base and the method
 * (`tiny-gpt-2l-lora`, `qwen-qwen2-5-0-5b-instruct-sft`). Deterministic, so replays land in one place.
 */
export function modelNameForRun(run: Pick<RunCompletedV1, 'lineage' | 'modelName'>): string {
  if (run.modelName) return run.modelName;
  const base = run.lineage.baseModel;
  if (base.kind === 'registry') return base.modelName;
  return slugify(`${baseLabel(base)}-${run.lineage.method}`);
}

function baseLabel(base: Exclude<BaseModelRef, { kind: 'registry' }>): string {
  return base.kind === 'builtin' ? base.name : base.repoId;
}

/** Lowercase letters, digits and single inner hyphens, at most 63 characters (the contracts' slug). */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/g, '');
  return slug || 'model';
}
