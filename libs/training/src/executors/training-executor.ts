import type { ModelArtifact } from '@llmops/contracts';

/** Where an executor's trainer reads from and writes to; all object-store URIs (`s3://bucket/key`). */
export interface RunIo {
  /** JSONL inputs: the chosen split of each dataset version, as the manifest's gzip JSONL shard URIs. */
  datasets: { versionId: string; split: string; shardUris: string[] }[];
  /** The base model's files when the base is a registry version or builtin artifact; null for Hugging Face ids. */
  baseModelUri: string | null;
  /** Prefix (ending in `/`) the trainer writes under: `runs/<runId>/` — `output/`, `checkpoints/`, `logs/`. */
  outputPrefix: string;
}

/** One metrics sample a trainer reported (loss, learning rate, eval loss, tokens/s …). */
export interface RunMetricsSample {
  step: number;
  /** Steps planned in total, when the trainer knows. */
  totalSteps?: number;
  /** Metric name → value, e.g. { loss: 2.1, learning_rate: 1e-4, tokens_per_second: 5400 }. */
  values: Record<string, number>;
}

/** What the service gives an executor for one run. */
export interface ExecutorRun {
  runId: string;
  /** Attempt number, from 1; a retried run gets a fresh attempt (and output prefix sub-folder). */
  attempt: number;
  method: 'sft' | 'lora' | 'dpo' | 'continued-pretraining';
  /** Validated hyperparameters for the method. */
  hyperparameters: Record<string, unknown>;
  /** The base model: registry version, builtin base name, or Hugging Face id. */
  baseModel: { kind: 'builtin'; name: string } | { kind: 'registry' | 'huggingface'; id: string };
  /** Executor-specific settings from the run spec (command, image, resources, …), validated by the executor. */
  settings: Record<string, unknown>;
  io: RunIo;
  /** Callback the trainer may POST metrics/logs/completion to, with a bearer token scoped to this run. */
  callback: { url: string; token: string };
  /** Aborted when the run is cancelled or the service shuts down (`signal.reason` says which). */
  signal: AbortSignal;
  /** Report a metrics sample as it arrives (the service stores, throttles and publishes progress). */
  onMetrics(sample: RunMetricsSample): void;
  /** Report a log line (the service keeps the last lines for failure reasons and uploads the log). */
  onLog(line: string): void;
  /** Report that the workload is actually running (provisioning → running). */
  onRunning(): void;
}

/** How an executor run ended. Artifacts are already stored (sha256, size known). */
export type ExecutorOutcome =
  | { status: 'succeeded'; artifacts: ModelArtifact[]; metrics: Record<string, number>; trainer: string }
  | { status: 'failed'; reason: string; code: string; lastLogLines: string[]; artifacts: ModelArtifact[] }
  | { status: 'cancelled'; artifacts: ModelArtifact[] };

/**
 * A place training runs: `builtin` (worker thread in the service), `process` (a local command),
 * `kubernetes` (a batch/v1 Job). `run` resolves when the workload ends; `reattach` resumes watching a
 * workload that outlived a restart of the training service (returns null when there is nothing to
 * reattach to, e.g. a builtin run that died with its process).
 */
export interface TrainingExecutor {
  readonly kind: 'builtin' | 'process' | 'kubernetes';
  /** Validates `settings` of a run spec; returns the issues (path + message), empty when fine. */
  validateSettings(settings: unknown): { path: string; message: string }[];
  run(run: ExecutorRun): Promise<ExecutorOutcome>;
  reattach(run: ExecutorRun): Promise<ExecutorOutcome | null>;
}
