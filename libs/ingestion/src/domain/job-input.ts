/** What a job reads. Frozen when the job is created, so a retried job reads the same bytes. */
export type JobInput =
  /** A file streamed to the object store by `POST /v1/datasets/:id/uploads`. */
  | { kind: 'upload'; key: string; fileName: string; contentType?: string | undefined }
  /** A registered source (http, git, postgres, s3), read by its connector. */
  | { kind: 'source'; sourceId: string }
  /** Records buffered from the Kafka input topic and claimed by this job. */
  | { kind: 'kafka-batch'; sourceId: string }
  /** A labeling export (gzip JSONL) announced by `export-completed`. */
  | { kind: 'labeling-export'; key: string; format: string }
  /** The parent versions' shards (re-clean, merge, decontaminate). */
  | { kind: 'parents' };

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';
