import type {
  BaseModelRef,
  DatasetSplitRef,
  DatasetVersionRef,
  ModelVersionRef,
  PromptVersionRef,
} from '@llmops/contracts';
import type { FactSet } from './lineage-facts';
import type { NodeRef } from './lineage-node-kind';

/** Short id for labels of nodes whose names are not known yet. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

export function datasetVersionRef(facts: FactSet, ref: DatasetVersionRef): NodeRef {
  return facts.ref(
    { kind: 'dataset-version', id: ref.versionId },
    `dataset ${shortId(ref.datasetId)} v${ref.version}`,
    { datasetId: ref.datasetId, version: ref.version },
  );
}

export function modelVersionRef(facts: FactSet, ref: ModelVersionRef): NodeRef {
  return facts.ref({ kind: 'model-version', id: ref.versionId }, `${ref.modelName} v${ref.version}`, {
    modelId: ref.modelId,
    modelName: ref.modelName,
    version: ref.version,
  });
}

export function promptVersionRef(facts: FactSet, ref: PromptVersionRef): NodeRef {
  return facts.ref({ kind: 'prompt-version', id: ref.versionId }, `${ref.promptName} v${ref.version}`, {
    promptId: ref.promptId,
    promptName: ref.promptName,
    version: ref.version,
  });
}

/** A registry base is a model version node; builtin and Hub foundations get a `base-model` node. */
export function baseModelRef(facts: FactSet, base: BaseModelRef): NodeRef {
  switch (base.kind) {
    case 'registry':
      return modelVersionRef(facts, base);
    case 'builtin':
      return facts.ref({ kind: 'base-model', id: `builtin:${base.name}` }, base.name, {
        source: 'builtin',
        name: base.name,
      });
    case 'huggingface':
      return facts.ref(
        { kind: 'base-model', id: `huggingface:${base.repoId}@${base.revision ?? 'default'}` },
        base.revision ? `${base.repoId}@${base.revision.slice(0, 12)}` : base.repoId,
        { source: 'huggingface', repoId: base.repoId, revision: base.revision },
      );
  }
}

/** Dataset split references grouped per version: one edge per version, carrying the splits used. */
export function splitsByVersion(
  refs: readonly DatasetSplitRef[],
): { ref: DatasetSplitRef; splits: string[] }[] {
  const byVersion = new Map<string, { ref: DatasetSplitRef; splits: string[] }>();
  for (const ref of refs) {
    const entry = byVersion.get(ref.versionId) ?? { ref, splits: [] };
    if (!entry.splits.includes(ref.split)) entry.splits.push(ref.split);
    byVersion.set(ref.versionId, entry);
  }
  return [...byVersion.values()];
}
