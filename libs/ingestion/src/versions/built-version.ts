import type { DatasetVersionCreatedV1 } from '@llmops/contracts';

/** What a build produced before it is numbered and made visible. */
export interface BuiltVersion {
  descriptor: Omit<
    DatasetVersionCreatedV1,
    'datasetId' | 'datasetName' | 'versionId' | 'version' | 'createdAt'
  >;
  /** The job's report: counts by reason, timings, peak memory. */
  report: Record<string, unknown>;
}
