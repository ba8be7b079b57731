import type { DatasetSplitRef } from '@llmops/contracts';

/** A dataset version with its dataset's name; `DatasetVersionCreatedV1` and catalogue rows have it. */
export interface KnownDatasetVersion {
  datasetId: string;
  datasetName: string;
  versionId: string;
  version: number;
}

/** Why a plan is firing now, with the data the firing brings. */
export type PlanFiring =
  /** A new dataset version matched the plan's trigger. */
  | { kind: 'dataset-version'; datasetVersion: KnownDatasetVersion }
  /** Monitoring asked for retraining; `suggestedDatasets` is the request's extra data. */
  | { kind: 'retraining-requested'; suggestedDatasets: readonly DatasetSplitRef[] }
  /** The plan's schedule came due. */
  | { kind: 'schedule' };
