import type { BaseModelRef } from '@llmops/contracts';

import { referenceTo } from '../artifact/model-fingerprint';
import { encodeExample, exampleSegments } from '../data/encode-examples';
import { buildWindows, type TokenWindows } from '../data/token-windows';
import type { TrainingExample } from '../data/training-example';
import { ModelRuntimeError } from '../errors/model-runtime-error';
import { type LoadedModel, TRAINER_VERSION } from '../model/loaded-model';
import { initLoraAdapter, type LoraAdapter, mergeLora } from '../model/lora-adapter';
import { MlpNetwork } from '../model/mlp-network';
import { rowWidth } from '../model/model-architecture';
import { cloneWeights, initWeights, type ModelWeights } from '../model/model-weights';
import { sumNll } from '../model/score-windows';
import { SeededRandom } from '../random/seeded-random';
import { BpeTokenizer } from '../tokenizer/bpe-tokenizer';
import { AdamW, clipGradients } from './adamw';
import type {
  ContinuedPretrainingHyperparameters,
  LoraHyperparameters,
  SftHyperparameters,
} from './hyperparameters';
import { learningRateAt } from './learning-rate-schedule';
import {
  type ArchitectureFields,
  architectureFromScratch,
  assertMatchesBase,
  DEFAULT_ARCHITECTURE,
} from './resolve-architecture';
import { splitForEval } from './split-examples';
import type { TrainResult } from './train-options';
import { TrainingMonitor } from './training-monitor';
import type { TrainingProgress } from './training-progress';

type LanguageModelRun =
  | { method: 'continued-pretraining'; hyperparameters: ContinuedPretrainingHyperparameters }
  | { method: 'sft'; hyperparameters: SftHyperparameters }
  | { method: 'lora'; hyperparameters: LoraHyperparameters };

export interface LanguageModelInputs {
  readonly base?: LoadedModel | undefined;
  readonly baseRef?: BaseModelRef | undefined;
  readonly corpus: readonly TrainingExample[];
  readonly onProgress?: ((progress: TrainingProgress) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly name?: string | undefined;
}

/**
 * continued-pretraining, sft and lora: next-token cross-entropy over target tokens (every token, or
 * completions only), minibatches of `batchSize` windows drawn from a seeded shuffle each epoch, AdamW with
 * clipping and warmup + decay. lora trains only adapters on a frozen base.
 */
export async function trainLanguageModel(
  run: LanguageModelRun,
  inputs: LanguageModelInputs,
): Promise<TrainResult> {
  const started = performance.now();
  const { method } = run;
  const hp = run.hyperparameters;
  const { base, corpus } = inputs;
  if (corpus.length === 0) throw new ModelRuntimeError('INVALID_TRAINING_DATA', 'the corpus has no examples');
  if (method === 'lora' && base === undefined) {
    throw new ModelRuntimeError('BASE_REQUIRED', 'lora trains adapters on a base model; none was given');
  }
  if (method === 'lora' && base?.adapter != null) {
    throw new ModelRuntimeError(
      'BASE_REQUIRED',
      'lora needs a full base model; merge the adapter first (mergeAdapter)',
    );
  }
  const architectureFields: ArchitectureFields = run.method === 'lora' ? {} : run.hyperparameters;
  if (base !== undefined) assertMatchesBase(architectureFields, base);

  // Split before learning a tokenizer, so that not even the tokenizer has seen the eval examples.
  const texts = corpus.map((example, index) =>
    exampleSegments(example, index).map((segment) => segment.text),
  );
  const split = splitForEval(
    corpus.map((example, index) => ({ example, index })),
    hp.evalFraction,
    hp.seed,
  );
  const tokenizer =
    base?.tokenizer ??
    BpeTokenizer.train(
      split.train.flatMap(({ index }) => texts[index] ?? []),
      architectureFields.vocabSize ?? DEFAULT_ARCHITECTURE.vocabSize,
    );
  const architecture = base?.architecture ?? architectureFromScratch(architectureFields, tokenizer.vocabSize);
  const scope = method === 'continued-pretraining' ? 'all' : 'completion';
  const encode = ({ example, index }: { example: TrainingExample; index: number }) =>
    encodeExample(tokenizer, example, index, scope);
  const trainWindows = buildWindows(split.train.map(encode), rowWidth(architecture));
  const evalWindows = buildWindows(split.eval.map(encode), rowWidth(architecture));
  if (trainWindows.count === 0) {
    throw new ModelRuntimeError('INVALID_TRAINING_DATA', 'the training examples have no target tokens');
  }

  const random = new SeededRandom(hp.seed);
  let weights: ModelWeights;
  let adapter: LoraAdapter | undefined;
  if (run.method === 'lora' && base !== undefined) {
    weights = base.weights;
    const { loraRank, loraAlpha, loraTargets } = run.hyperparameters;
    adapter = initLoraAdapter(weights, { rank: loraRank, alpha: loraAlpha, targets: loraTargets }, random);
  } else if (base !== undefined) {
    weights = cloneWeights(base.weights);
  } else {
    weights = initWeights(architecture, random, unigramCounts(trainWindows, architecture.vocabSize));
  }
  const network = new MlpNetwork(architecture, weights, {
    maxBatch: hp.batchSize,
    trainable: adapter === undefined ? 'all' : 'adapter',
    ...(adapter === undefined ? {} : { adapter }),
    dropout: hp.dropout,
    random,
  });
  const parameters = network.parameterGradients();
  const optimizer = new AdamW(parameters, { weightDecay: hp.weightDecay });

  const batchSize = hp.batchSize;
  const count = trainWindows.count;
  const stepsPerEpoch = Math.ceil(count / batchSize);
  const totalSteps = Math.min(hp.maxSteps ?? Infinity, hp.epochs * stepsPerEpoch);
  const schedule = {
    peak: hp.learningRate,
    warmupSteps: hp.warmupSteps,
    totalSteps,
    kind: hp.lrSchedule,
    minRatio: hp.minLearningRateRatio,
  };
  const monitor = new TrainingMonitor(
    totalSteps,
    stepsPerEpoch,
    hp.logEvery,
    inputs.onProgress,
    inputs.signal,
  );
  monitor.throwIfAborted();

  const C = rowWidth(architecture);
  const order = Int32Array.from({ length: count }, (_, index) => index);
  const contexts = new Int32Array(batchSize * C);
  const targets = new Int32Array(batchSize);
  const lossWeights = new Float32Array(batchSize);
  let trainLoss = NaN;
  let evalLoss: number | null = null;
  for (let epoch = 0; epoch < hp.epochs && monitor.step < totalSteps; epoch++) {
    random.shuffleIndices(order);
    for (let start = 0; start < count && monitor.step < totalSteps; start += batchSize) {
      const stepStarted = performance.now();
      const size = Math.min(batchSize, count - start);
      for (let row = 0; row < size; row++) {
        const source = order[start + row] ?? 0;
        contexts.set(trainWindows.contexts.subarray(source * C, source * C + C), row * C);
        targets[row] = trainWindows.targets[source] ?? 0;
      }
      network.zeroGradients();
      network.forward(contexts, size, targets, true);
      let lossSum = 0;
      for (let row = 0; row < size; row++) lossSum -= network.targetLogProbs[row] ?? 0;
      lossWeights.fill(1 / size, 0, size);
      network.backward(targets, lossWeights);
      const norm = clipGradients(parameters, hp.gradientClip);
      const learningRate = learningRateAt(monitor.step, schedule);
      if (Number.isFinite(norm)) optimizer.step(learningRate);
      monitor.recordStep({
        loss: Number.isFinite(norm) ? lossSum / size : NaN,
        tokens: size,
        lossWeight: size,
        learningRate,
        milliseconds: performance.now() - stepStarted,
      });
      await monitor.pause();
    }
    evalLoss = evalWindows.count > 0 ? sumNll(network, evalWindows, batchSize) / evalWindows.count : null;
    trainLoss = monitor.endEpoch(evalLoss).trainLoss;
  }

  const training = {
    method,
    hyperparameters: hp,
    steps: monitor.step,
    epochs: monitor.step / stepsPerEpoch,
    tokensSeen: monitor.tokensSeen,
    trainLoss,
    evalLoss,
    trainer: TRAINER_VERSION,
  };
  const name = inputs.name ?? null;
  const model: LoadedModel =
    adapter !== undefined && base !== undefined
      ? {
          name,
          architecture,
          tokenizer,
          weights: mergeLora(base.weights, adapter),
          adapter: { lora: adapter, base: referenceTo(base, inputs.baseRef ?? null) },
          training,
        }
      : { name, architecture, tokenizer, weights, adapter: null, training };
  return {
    model,
    metrics: {
      trainLoss,
      evalLoss,
      evalPerplexity: evalLoss === null ? null : Math.exp(evalLoss),
      steps: monitor.step,
      epochs: training.epochs,
      tokensSeen: monitor.tokensSeen,
      tokensPerSecond: monitor.tokensPerSecond,
      durationMs: performance.now() - started,
    },
  };
}

/** Target counts, for the output bias's unigram initialisation. */
function unigramCounts(windows: TokenWindows, vocabSize: number): Float64Array {
  const counts = new Float64Array(vocabSize);
  for (let i = 0; i < windows.count; i++) {
    const id = windows.targets[i] ?? 0;
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}
