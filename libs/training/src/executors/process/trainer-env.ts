import type { ExecutorRun } from '../training-executor';

/**
 * Variables of the trainer protocol (docs/training-protocol.md). The executor sets them last, so a run
 * spec's `env` can never change what a trainer reads as its inputs, outputs or credentials.
 */
export const PROTOCOL_ENV_NAMES = [
  'LLMOPS_RUN_ID',
  'LLMOPS_ATTEMPT',
  'LLMOPS_METHOD',
  'LLMOPS_HYPERPARAMETERS',
  'LLMOPS_BASE_MODEL',
  'LLMOPS_BASE_MODEL_KIND',
  'LLMOPS_BASE_MODEL_URI',
  'LLMOPS_DATASET_URIS',
  'LLMOPS_INPUT_DIR',
  'LLMOPS_OUTPUT_DIR',
  'LLMOPS_OUTPUT_URI',
  'LLMOPS_CALLBACK_URL',
  'LLMOPS_RUN_TOKEN',
] as const;

/** Where the executor laid out one run on the local disk. */
export interface RunDirectories {
  /** Holds `datasets/<versionId>-<split>.jsonl` and, when the base has files, `base/`. */
  inputDir: string;
  /** Empty at start; its files become the run's artifacts. */
  outputDir: string;
}

/** The trainer's whole environment: inherited base, the run spec's extras, then the protocol. */
export function buildTrainerEnv(
  run: ExecutorRun,
  dirs: RunDirectories,
  baseEnv: Readonly<Record<string, string>>,
  extraEnv: Readonly<Record<string, string>>,
): Record<string, string> {
  const base = run.baseModel.kind === 'builtin' ? run.baseModel.name : run.baseModel.id;
  const protocol: Record<(typeof PROTOCOL_ENV_NAMES)[number], string | undefined> = {
    LLMOPS_RUN_ID: run.runId,
    LLMOPS_ATTEMPT: String(run.attempt),
    LLMOPS_METHOD: run.method,
    LLMOPS_HYPERPARAMETERS: JSON.stringify(run.hyperparameters),
    LLMOPS_BASE_MODEL: base,
    LLMOPS_BASE_MODEL_KIND: run.baseModel.kind,
    LLMOPS_BASE_MODEL_URI: run.io.baseModelUri ?? undefined,
    LLMOPS_DATASET_URIS: JSON.stringify(
      run.io.datasets.map(({ versionId, split, shardUris }) => ({ versionId, split, shardUris })),
    ),
    LLMOPS_INPUT_DIR: dirs.inputDir,
    LLMOPS_OUTPUT_DIR: dirs.outputDir,
    // The executor uploads LLMOPS_OUTPUT_DIR itself; a trainer that also uploaded would write twice.
    LLMOPS_OUTPUT_URI: undefined,
    LLMOPS_CALLBACK_URL: run.callback.url,
    LLMOPS_RUN_TOKEN: run.callback.token,
  };
  const env: Record<string, string> = { ...baseEnv, PYTHONUNBUFFERED: '1', ...extraEnv };
  for (const [name, value] of Object.entries(protocol)) {
    if (value === undefined) Reflect.deleteProperty(env, name);
    else env[name] = value;
  }
  return env;
}
