import {
  loadBuiltinBase,
  saveModel,
  train,
  type TrainingExample,
  type TrainingProgress,
} from '@llmops/model-runtime';

/** What the builtin trainer needs; plain data so it crosses a worker-thread boundary. */
export interface BuiltinJobInput {
  method: 'sft' | 'lora' | 'dpo' | 'continued-pretraining';
  hyperparameters: Record<string, unknown>;
  baseName: string;
  examples: TrainingExample[];
  name: string;
}

export interface BuiltinJobOutput {
  files: { name: string; bytes: Uint8Array; role: 'config' | 'tokenizer' | 'model' | 'adapter' }[];
  metrics: Record<string, number>;
}

/**
 * One builtin training job: load the base, train, serialise. Runs inside a worker thread in the service
 * (builtin-training.worker.ts) so training never blocks HTTP or consumers; the same function runs inline
 * where no compiled worker exists (unit tests under ts-jest-style transforms).
 */
export async function runBuiltinJob(
  input: BuiltinJobInput,
  onProgress: (p: TrainingProgress) => void,
  signal: AbortSignal,
): Promise<BuiltinJobOutput> {
  const base = await loadBuiltinBase(input.baseName);
  const result = await train({
    method: input.method,
    hyperparameters: input.hyperparameters as never,
    base,
    baseRef: { kind: 'builtin', name: input.baseName },
    corpus: input.examples,
    onProgress,
    signal,
    name: input.name,
  });
  const m = result.metrics;
  const metrics: Record<string, number> = {
    train_loss: m.trainLoss,
    steps: m.steps,
    epochs: m.epochs,
    tokens_seen: m.tokensSeen,
    tokens_per_second: m.tokensPerSecond,
    duration_ms: m.durationMs,
  };
  if (m.evalLoss !== null) metrics['eval_loss'] = m.evalLoss;
  if (m.evalPerplexity !== null) metrics['eval_perplexity'] = m.evalPerplexity;
  if (m.rewardMargin !== undefined) metrics['reward_margin'] = m.rewardMargin;
  if (m.rewardAccuracy !== undefined) metrics['reward_accuracy'] = m.rewardAccuracy;
  const files = saveModel(result.model).files.map((f) => ({
    name: f.name,
    bytes: new Uint8Array(f.bytes),
    role: f.role,
  }));
  return { files, metrics };
}
