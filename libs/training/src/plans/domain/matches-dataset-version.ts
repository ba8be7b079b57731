import type { PlanTrigger } from './plan-trigger';

/** What a dataset-version trigger looks at; `DatasetVersionCreatedV1` has it. */
export interface DatasetVersionFacts {
  datasetId: string;
  datasetName: string;
  counts: { train: number };
}

/**
 * True when `trigger` fires for this new dataset version: it is a dataset-version trigger, every dataset
 * selector it gives (name, id, or both) matches, and the version has at least `minTrainRecords` train
 * records when a minimum is set.
 */
export function matchesDatasetVersion(trigger: PlanTrigger, version: DatasetVersionFacts): boolean {
  if (trigger.kind !== 'dataset-version') return false;
  if (trigger.datasetName !== undefined && trigger.datasetName !== version.datasetName) return false;
  if (trigger.datasetId !== undefined && trigger.datasetId !== version.datasetId) return false;
  return trigger.minTrainRecords === undefined || version.counts.train >= trigger.minTrainRecords;
}
