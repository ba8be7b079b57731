import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { envInt, parseConfig, type Env } from '@llmops/config';

/** A JSON array of commands, or an object naming argv prefixes: `{"hf": ["python3", "/opt/train.py"]}`. */
const commandAllowList = z.string().transform((s, ctx): string[] | Record<string, string[]> => {
  try {
    const v: unknown = JSON.parse(s);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
    if (
      typeof v === 'object' &&
      v !== null &&
      Object.values(v).every((a) => Array.isArray(a) && a.length > 0 && a.every((x) => typeof x === 'string'))
    ) {
      return v as Record<string, string[]>;
    }
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'Expected a JSON array of commands or an object of name → argv' });
  return z.NEVER;
});

/** Training's own settings, parsed once at boot. */
export const trainingConfigSchema = z.object({
  /** Runs of each executor that may run at once; more wait in the queue (by priority, then age). */
  TRAINING_MAX_RUNNING_BUILTIN: envInt(1, 64).default(1),
  TRAINING_MAX_RUNNING_PROCESS: envInt(1, 64).default(2),
  TRAINING_MAX_RUNNING_KUBERNETES: envInt(1, 1000).default(20),
  /** How often the scheduler looks for queued runs (new runs wake it at once in-process). */
  TRAINING_POLL_MS: envInt(20).default(500),
  /** Shortest interval between two `run-progressed` events of one run. */
  TRAINING_PROGRESS_INTERVAL_MS: envInt(0).default(2000),
  /** How long a sweep waits for a trial's evaluation (objective from evaluation) before failing the trial. */
  TRAINING_SWEEP_EVALUATION_TIMEOUT_MS: envInt(1000).default(30 * 60_000),
  /** Attempts a run gets when its executor is lost with the service (restart); then it fails. */
  TRAINING_MAX_ATTEMPTS: envInt(1, 10).default(2),
  /** Scratch space for builtin and process runs. */
  TRAINING_WORK_DIR: z.string().min(1).default(path.join(os.tmpdir(), 'llmops-training')),
  /** Commands the `process` executor may run (JSON array of absolute paths or names on PATH). */
  TRAINING_PROCESS_COMMANDS: commandAllowList.default([]),
  /** Base URL trainers call back to (metrics, logs); defaults to this service's own address. */
  TRAINING_CALLBACK_BASE_URL: z.url().optional(),
  /** Kubernetes executor: a kubeconfig file, or `TRAINING_KUBERNETES_IN_CLUSTER=true` (service account). */
  TRAINING_KUBECONFIG: z.string().min(1).optional(),
  TRAINING_KUBERNETES_IN_CLUSTER: z.enum(['true', 'false']).default('false'),
  /** The object store as trainer pods reach it (default: S3_ENDPOINT); the bucket is S3_BUCKET. */
  TRAINING_KUBERNETES_S3_ENDPOINT: z.string().min(1).optional(),
  S3_ENDPOINT: z.string().min(1).optional(),
  S3_BUCKET: z.string().min(1).default('llmops'),
  S3_REGION: z.string().min(1).default('us-east-1'),
  TRAINING_KUBERNETES_NAMESPACE: z.string().min(1).default('llmops'),
});

export type TrainingConfig = z.output<typeof trainingConfigSchema>;

export const TRAINING_CONFIG = Symbol('TRAINING_CONFIG');

export function parseTrainingConfig(env: Env): TrainingConfig {
  return parseConfig(trainingConfigSchema, env);
}
