import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import type { ModelArtifact } from '@llmops/contracts';
import { TRAINER_VERSION, type TrainingExample, type TrainingProgress } from '@llmops/model-runtime';
import { objectKeyOf, type ObjectStore } from '@llmops/storage';
import type { ExecutorOutcome, ExecutorRun, TrainingExecutor } from '../training-executor';
import { runBuiltinJob, type BuiltinJobInput, type BuiltinJobOutput } from './builtin-training-job';

const SettingsSchema = z.strictObject({
  /** Fail the run when training takes longer than this. */
  timeoutSeconds: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .optional(),
});

/** Record shapes each method learns from. */
const SHAPES: Record<ExecutorRun['method'], readonly TrainingExample['kind'][]> = {
  'continued-pretraining': ['text', 'prompt-completion', 'chat'],
  sft: ['prompt-completion', 'chat'],
  lora: ['prompt-completion', 'chat', 'text'],
  dpo: ['preference'],
};

class BuiltinRunError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The `builtin` executor: trains the platform's own small language model (libs/model-runtime) in a
 * worker thread of the training service, reading the dataset shards from the object store and writing
 * the model files under the run's output prefix. It cannot outlive the service, so `reattach` is null
 * and the reconciler re-queues or fails such runs.
 */
export class BuiltinExecutor implements TrainingExecutor {
  readonly kind = 'builtin' as const;
  private readonly workerFile = path.join(__dirname, 'builtin-training.worker.js');

  constructor(private readonly store: ObjectStore) {}

  validateSettings(settings: unknown): { path: string; message: string }[] {
    const parsed = SettingsSchema.safeParse(settings);
    return parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  }

  reattach(): Promise<ExecutorOutcome | null> {
    return Promise.resolve(null);
  }

  async run(run: ExecutorRun): Promise<ExecutorOutcome> {
    const log: string[] = [];
    const note = (line: string) => {
      log.push(line);
      if (log.length > 50) log.shift();
      run.onLog(line);
    };
    try {
      if (run.baseModel.kind !== 'builtin') {
        throw new BuiltinRunError('UNSUPPORTED_BASE_MODEL', 'the builtin executor trains builtin bases only');
      }
      const examples = await this.readExamples(run);
      note(`read ${String(examples.length)} ${run.method} examples`);
      run.onRunning();
      const settings = SettingsSchema.parse(run.settings);
      const output = await this.train(
        {
          method: run.method,
          hyperparameters: run.hyperparameters,
          baseName: run.baseModel.name,
          examples,
          name: `run-${run.runId}`,
        },
        (p) => {
          const values: Record<string, number> = {
            loss: p.loss,
            learning_rate: p.learningRate,
            tokens_per_second: p.tokensPerSecond,
            epoch: p.epoch,
          };
          if (p.evalLoss !== undefined) values['eval_loss'] = p.evalLoss;
          run.onMetrics({ step: p.step, values, totalSteps: p.totalSteps });
          note(`step ${String(p.step)}/${String(p.totalSteps)} loss ${p.loss.toFixed(4)}`);
        },
        run.signal,
        settings.timeoutSeconds,
      );
      const artifacts = await this.storeFiles(run, output);
      note(`stored ${String(artifacts.length)} files`);
      return { status: 'succeeded', artifacts, metrics: output.metrics, trainer: TRAINER_VERSION };
    } catch (error) {
      if (run.signal.aborted) return { status: 'cancelled', artifacts: [] };
      const code = error instanceof BuiltinRunError ? error.code : errorCode(error);
      const message = error instanceof Error ? error.message : String(error);
      note(`failed: ${message}`);
      return { status: 'failed', code, reason: message, lastLogLines: [...log], artifacts: [] };
    }
  }

  private async readExamples(run: ExecutorRun): Promise<TrainingExample[]> {
    const allowed = SHAPES[run.method];
    const examples: TrainingExample[] = [];
    let skipped = 0;
    for (const dataset of run.io.datasets) {
      for (const uri of dataset.shardUris) {
        const lines = createInterface({
          input: (await this.store.get(objectKeyOf(uri))).pipe(createGunzip()),
          crlfDelay: Infinity,
        });
        for await (const line of lines) {
          if (line.trim() === '') continue;
          const record = JSON.parse(line) as { content: TrainingExample };
          if (allowed.includes(record.content.kind)) examples.push(record.content);
          else skipped += 1;
        }
      }
    }
    if (examples.length === 0) {
      throw new BuiltinRunError(
        'INVALID_TRAINING_DATA',
        `no ${allowed.join('/')} records for ${run.method} in the datasets (${String(skipped)} records of other shapes)`,
      );
    }
    return examples;
  }

  /** In a worker thread when the compiled worker exists (the service); inline otherwise (unit tests). */
  private train(
    input: BuiltinJobInput,
    onProgress: (p: TrainingProgress) => void,
    signal: AbortSignal,
    timeoutSeconds: number | undefined,
  ): Promise<BuiltinJobOutput> {
    const timeout = timeoutSeconds ? AbortSignal.timeout(timeoutSeconds * 1000) : undefined;
    const combined = timeout ? AbortSignal.any([signal, timeout]) : signal;
    if (!existsSync(this.workerFile)) return runBuiltinJob(input, onProgress, combined);
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.workerFile, { workerData: input });
      const onAbort = () => {
        worker.postMessage({ type: 'abort' });
        setTimeout(() => void worker.terminate(), 5000).unref();
      };
      combined.addEventListener('abort', onAbort, { once: true });
      worker.on(
        'message',
        (message: {
          type: string;
          progress?: TrainingProgress;
          output?: BuiltinJobOutput;
          code?: string;
          message?: string;
        }) => {
          if (message.type === 'progress' && message.progress) onProgress(message.progress);
          else if (message.type === 'done' && message.output) resolve(message.output);
          else if (message.type === 'error')
            reject(
              new BuiltinRunError(message.code ?? 'TRAINING_FAILED', message.message ?? 'training failed'),
            );
        },
      );
      worker.on('error', reject);
      worker.on('exit', (code) => {
        combined.removeEventListener('abort', onAbort);
        if (combined.aborted) reject(new BuiltinRunError('CANCELLED', 'cancelled'));
        else if (code !== 0)
          reject(new BuiltinRunError('WORKER_EXITED', `training worker exited with ${String(code)}`));
      });
    });
  }

  private async storeFiles(run: ExecutorRun, output: BuiltinJobOutput): Promise<ModelArtifact[]> {
    const artifacts: ModelArtifact[] = [];
    for (const file of output.files) {
      const stored = await this.store.put(
        `${objectKeyOf(run.io.outputPrefix)}output/${file.name}`,
        Buffer.from(file.bytes),
        {
          contentType: file.name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
        },
      );
      artifacts.push({ uri: stored.uri, sha256: stored.sha256, size: stored.size, role: file.role });
    }
    const metrics = await this.store.put(
      `${objectKeyOf(run.io.outputPrefix)}output/metrics.json`,
      Buffer.from(JSON.stringify(output.metrics, null, 2)),
      { contentType: 'application/json' },
    );
    artifacts.push({ uri: metrics.uri, sha256: metrics.sha256, size: metrics.size, role: 'metrics' });
    return artifacts;
  }
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : 'TRAINING_FAILED';
}
