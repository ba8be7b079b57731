/**
 * Object keys of a dataset version (DESIGN §3). The version id is fixed when its job is created, so a
 * retried job rewrites the same prefix and a failed one can remove everything it wrote.
 */
export const versionLayout = (datasetId: string, versionId: string) => {
  const prefix = `datasets/${datasetId}/${versionId}/`;
  return {
    prefix,
    shardsPrefix: `${prefix}shards/`,
    shard: (sha256: string) => `${prefix}shards/${sha256}.jsonl.gz`,
    manifest: `${prefix}manifest.json`,
    profile: `${prefix}profile.json`,
    dataCard: `${prefix}datacard.md`,
    rejects: `${prefix}rejects.jsonl`,
    contamination: `${prefix}contamination.json`,
  };
};

/** Where a job's inputs and failure evidence live; never inside a version prefix. */
export const jobLayout = (datasetId: string, jobId: string) => ({
  upload: (fileName: string) => `datasets/${datasetId}/jobs/${jobId}/input/${fileName}`,
  rejects: `datasets/${datasetId}/jobs/${jobId}/rejects.jsonl`,
});
