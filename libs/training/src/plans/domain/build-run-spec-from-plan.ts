import type { DatasetSplitRef, JsonValue } from '@llmops/contracts';
import type { KnownDatasetVersion, PlanFiring } from './plan-firing';
import type { LatestDatasetRef, RunSpecTemplate, TemplateDataset } from './run-spec-template';

/** The run spec a plan firing produces: the template with every dataset pinned to one version. */
export type RunSpecFromPlan = { [key: string]: JsonValue } & { datasets: DatasetSplitRef[] };

export type BuildRunSpecResult =
  | { ok: true; runSpec: RunSpecFromPlan }
  | {
      ok: false;
      /**
       * PLAN_DATASET_UNRESOLVED: a `latest` entry names a dataset no version is known for;
       * PLAN_NO_DATASETS: the template lists no datasets and the firing brings none.
       */
      code: 'PLAN_DATASET_UNRESOLVED' | 'PLAN_NO_DATASETS';
      detail: string;
      /** Where in the template, e.g. `datasets.1`. */
      path: string;
    };

/**
 * Turns a plan's run-spec template into the spec of the run to start. Every key but `datasets` is copied
 * (deeply) as is; `datasets` becomes a list of pinned `{ datasetId, versionId, version, split }`:
 *
 * 1. A pinned template entry stays as it is, even for the dataset that fired the plan (pin what must not
 *    move, such as a frozen validation set).
 * 2. A `latest` entry takes, in order of preference: the firing's dataset version (when it is that
 *    dataset), the newest version of that dataset among a retraining request's `suggestedDatasets`, or the
 *    newest of `latestVersions` (the catalogue's newest versions, which the caller looks up for
 *    `latestDatasetRefs(template)`); the entry's split is kept. No version → `PLAN_DATASET_UNRESOLVED`.
 * 3. Data the firing brings that no template entry mentions is added: the firing dataset version as its
 *    `train` split — which is the whole list when the template's is empty — and each suggested dataset
 *    with its own split.
 * 4. Repeats (same version and split) are dropped, first kept; an empty result is `PLAN_NO_DATASETS`.
 *
 * An entry "mentions" a dataset when its id matches or, for a `latest` entry by name, its name does.
 */
export function buildRunSpecFromPlan(
  template: RunSpecTemplate,
  firing: PlanFiring,
  latestVersions: readonly KnownDatasetVersion[] = [],
): BuildRunSpecResult {
  const fired = firing.kind === 'dataset-version' ? firing.datasetVersion : null;
  const suggested = firing.kind === 'retraining-requested' ? firing.suggestedDatasets : [];
  const named = fired === null ? latestVersions : [fired, ...latestVersions];
  const mentions = (entry: TemplateDataset, datasetId: string): boolean =>
    entry.version === 'latest' ? idOf(entry, named) === datasetId : entry.datasetId === datasetId;

  const datasets: DatasetSplitRef[] = [];
  for (const [index, entry] of template.datasets.entries()) {
    if (entry.version !== 'latest') {
      datasets.push(refOf(entry, entry.split));
      continue;
    }
    const version = resolveLatest(entry, fired, suggested, latestVersions, named);
    if (version === null) {
      return {
        ok: false,
        code: 'PLAN_DATASET_UNRESOLVED',
        detail: `no version of dataset '${entry.datasetName ?? entry.datasetId ?? ''}' is known`,
        path: `datasets.${index}`,
      };
    }
    datasets.push(refOf(version, entry.split));
  }

  if (fired !== null && !template.datasets.some((entry) => mentions(entry, fired.datasetId))) {
    datasets.push(refOf(fired, 'train'));
  }
  for (const suggestion of suggested) {
    if (!template.datasets.some((entry) => mentions(entry, suggestion.datasetId))) {
      datasets.push(refOf(suggestion, suggestion.split));
    }
  }

  const unique = datasets.filter(
    (ref, i) =>
      datasets.findIndex((other) => other.versionId === ref.versionId && other.split === ref.split) === i,
  );
  if (unique.length === 0) {
    return {
      ok: false,
      code: 'PLAN_NO_DATASETS',
      detail: 'the template lists no datasets and the firing brings none',
      path: 'datasets',
    };
  }
  return { ok: true, runSpec: { ...structuredClone(template), datasets: unique } };
}

function refOf(
  version: Pick<DatasetSplitRef, 'datasetId' | 'versionId' | 'version'>,
  split: DatasetSplitRef['split'],
): DatasetSplitRef {
  return { datasetId: version.datasetId, versionId: version.versionId, version: version.version, split };
}

/** True when the `latest` entry designates `dataset`: every selector it gives matches. */
function designates(entry: LatestDatasetRef, dataset: KnownDatasetVersion): boolean {
  return (
    (entry.datasetId === undefined || entry.datasetId === dataset.datasetId) &&
    (entry.datasetName === undefined || entry.datasetName === dataset.datasetName)
  );
}

/** The entry's dataset id: given, or found by name among the versions whose names are known. */
function idOf(entry: LatestDatasetRef, named: readonly KnownDatasetVersion[]): string | undefined {
  return entry.datasetId ?? named.find((dataset) => designates(entry, dataset))?.datasetId;
}

function resolveLatest(
  entry: LatestDatasetRef,
  fired: KnownDatasetVersion | null,
  suggested: readonly DatasetSplitRef[],
  latestVersions: readonly KnownDatasetVersion[],
  named: readonly KnownDatasetVersion[],
): Pick<DatasetSplitRef, 'datasetId' | 'versionId' | 'version'> | null {
  if (fired !== null && designates(entry, fired)) return fired;
  const id = idOf(entry, named);
  const fromSuggestions = newest(suggested.filter((ref) => id !== undefined && ref.datasetId === id));
  if (fromSuggestions !== null) return fromSuggestions;
  return newest(latestVersions.filter((dataset) => designates(entry, dataset)));
}

function newest<T extends { version: number }>(versions: readonly T[]): T | null {
  return versions.reduce<T | null>((best, v) => (best === null || v.version > best.version ? v : best), null);
}
