import { encodePreference, type EncodedPreference } from '../data/encode-examples';
import { writeWindow } from '../data/token-windows';
import { ModelRuntimeError } from '../errors/model-runtime-error';
import { type LoadedModel, TRAINER_VERSION } from '../model/loaded-model';
import { MlpNetwork } from '../model/mlp-network';
import { type ModelArchitecture, rowWidth } from '../model/model-architecture';
import { cloneWeights } from '../model/model-weights';
import { SeededRandom } from '../random/seeded-random';
import { AdamW, clipGradients } from './adamw';
import type { DpoHyperparameters } from './hyperparameters';
import { learningRateAt } from './learning-rate-schedule';
import { splitForEval } from './split-examples';
import type { LanguageModelInputs } from './train-language-model';
import type { TrainResult } from './train-options';
import { TrainingMonitor } from './training-monitor';

// Bound once: in a vm sandbox (jest) each `Math.x` in a hot loop is a slow global lookup.
const { exp, log } = Math;

/** A pair's windows: chosen rows then rejected rows, and the reference model's log-probabilities. */
interface PreparedPair {
  readonly contexts: Int32Array;
  readonly targets: Int32Array;
  readonly chosenLength: number;
  readonly referenceChosen: number;
  readonly referenceRejected: number;
}

/**
 * Direct preference optimisation (Rafailov et al., 2023): with π the policy (initialised from the base)
 * and π_ref the frozen base, minimise −log σ(β·[(log π(y_w|x) − log π_ref(y_w|x)) − (log π(y_l|x) −
 * log π_ref(y_l|x))]) over preference pairs. The gradient of that loss with respect to each completion
 * token's log-probability is ±β·σ(−z), so one weighted cross-entropy backward pass (negative weights on
 * rejected tokens) computes it exactly. Trains all weights.
 */
export async function trainDpo(hp: DpoHyperparameters, inputs: LanguageModelInputs): Promise<TrainResult> {
  const started = performance.now();
  const { base, corpus } = inputs;
  if (base === undefined) {
    throw new ModelRuntimeError(
      'BASE_REQUIRED',
      'dpo needs a base model: it is both the starting policy and the reference',
    );
  }
  if (corpus.length === 0) throw new ModelRuntimeError('INVALID_TRAINING_DATA', 'the corpus has no examples');
  const { architecture, tokenizer } = base;
  const encoded = corpus.map((example, index) => encodePreference(tokenizer, example, index));
  const reference = new MlpNetwork(architecture, base.weights, {
    maxBatch: maxRows(encoded, 1),
    trainable: 'none',
  });
  const prepared = encoded.map((pair) => preparePair(pair, architecture, reference));
  const split = splitForEval(prepared, hp.evalFraction, hp.seed);

  const random = new SeededRandom(hp.seed);
  const weights = cloneWeights(base.weights);
  const maxBatch = maxRows(encoded, hp.batchSize);
  const network = new MlpNetwork(architecture, weights, {
    maxBatch,
    trainable: 'all',
    dropout: hp.dropout,
    random,
  });
  const parameters = network.parameterGradients();
  const optimizer = new AdamW(parameters, { weightDecay: hp.weightDecay });

  const count = split.train.length;
  const stepsPerEpoch = Math.ceil(count / hp.batchSize);
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
  const contexts = new Int32Array(maxBatch * C);
  const targets = new Int32Array(maxBatch);
  const lossWeights = new Float32Array(maxBatch);
  const order = split.train.map((_, index) => index);
  let last: { trainLoss: number; rewardMargin?: number; rewardAccuracy?: number } = { trainLoss: NaN };
  let evalLoss: number | null = null;
  for (let epoch = 0; epoch < hp.epochs && monitor.step < totalSteps; epoch++) {
    random.shuffle(order);
    for (let start = 0; start < count && monitor.step < totalSteps; start += hp.batchSize) {
      const stepStarted = performance.now();
      const pairs = order
        .slice(start, start + hp.batchSize)
        .map((index) => split.train[index] as PreparedPair);
      let rows = 0;
      for (const pair of pairs) {
        contexts.set(pair.contexts, rows * C);
        targets.set(pair.targets, rows);
        rows += pair.targets.length;
      }
      network.zeroGradients();
      network.forward(contexts, rows, targets, true);
      let lossSum = 0;
      let marginSum = 0;
      let correct = 0;
      let row = 0;
      for (const pair of pairs) {
        const { z, loss } = pairLoss(pair, network.targetLogProbs, row, hp.beta);
        lossSum += loss;
        marginSum += z;
        if (z > 0) correct++;
        // dLoss/dlog π(token) = −β·σ(−z) for chosen tokens and +β·σ(−z) for rejected ones; the
        // backward pass takes the weight w of −w·log p, so w = β·σ(−z) / pairs, negated for rejected.
        const weight = (hp.beta * sigmoid(-z)) / pairs.length;
        lossWeights.fill(weight, row, row + pair.chosenLength);
        lossWeights.fill(-weight, row + pair.chosenLength, row + pair.targets.length);
        row += pair.targets.length;
      }
      network.backward(targets, lossWeights);
      const norm = clipGradients(parameters, hp.gradientClip);
      const learningRate = learningRateAt(monitor.step, schedule);
      if (Number.isFinite(norm)) optimizer.step(learningRate);
      monitor.recordStep({
        loss: Number.isFinite(norm) ? lossSum / pairs.length : NaN,
        tokens: rows,
        lossWeight: pairs.length,
        learningRate,
        milliseconds: performance.now() - stepStarted,
        rewardMargin: marginSum / pairs.length,
        rewardAccuracy: correct / pairs.length,
      });
      await monitor.pause();
    }
    evalLoss = split.eval.length > 0 ? meanPairLoss(network, split.eval, hp.beta) : null;
    last = monitor.endEpoch(evalLoss);
  }

  const training = {
    method: 'dpo' as const,
    hyperparameters: hp,
    steps: monitor.step,
    epochs: monitor.step / stepsPerEpoch,
    tokensSeen: monitor.tokensSeen,
    trainLoss: last.trainLoss,
    evalLoss,
    trainer: TRAINER_VERSION,
  };
  const model: LoadedModel = {
    name: inputs.name ?? null,
    architecture,
    tokenizer,
    weights,
    adapter: null,
    training,
  };
  return {
    model,
    metrics: {
      trainLoss: last.trainLoss,
      evalLoss,
      evalPerplexity: null,
      steps: monitor.step,
      epochs: training.epochs,
      tokensSeen: monitor.tokensSeen,
      tokensPerSecond: monitor.tokensPerSecond,
      durationMs: performance.now() - started,
      ...(last.rewardMargin === undefined ? {} : { rewardMargin: last.rewardMargin }),
      ...(last.rewardAccuracy === undefined ? {} : { rewardAccuracy: last.rewardAccuracy }),
    },
  };
}

/** Windows for the chosen then the rejected completion, and the reference's log-probabilities of each. */
function preparePair(
  pair: EncodedPreference,
  architecture: ModelArchitecture,
  reference: MlpNetwork,
): PreparedPair {
  const C = rowWidth(architecture);
  const rows = pair.chosen.length + pair.rejected.length;
  const contexts = new Int32Array(rows * C);
  const targets = new Int32Array(rows);
  let row = 0;
  for (const completion of [pair.chosen, pair.rejected]) {
    const ids = Int32Array.from([...pair.prompt, ...completion]);
    for (let i = pair.prompt.length; i < ids.length; i++) {
      writeWindow(ids, i, C, contexts, row * C);
      targets[row] = ids[i] ?? 0;
      row++;
    }
  }
  reference.forward(contexts, rows, targets);
  const sums = splitSums(reference.targetLogProbs, 0, pair.chosen.length, rows);
  return {
    contexts,
    targets,
    chosenLength: pair.chosen.length,
    referenceChosen: sums.chosen,
    referenceRejected: sums.rejected,
  };
}

/** z = β·(policy margin − reference margin) and the pair's loss −log σ(z). */
function pairLoss(
  pair: PreparedPair,
  logProbs: Float64Array,
  row: number,
  beta: number,
): { z: number; loss: number } {
  const sums = splitSums(logProbs, row, pair.chosenLength, pair.targets.length);
  const z = beta * (sums.chosen - pair.referenceChosen - (sums.rejected - pair.referenceRejected));
  return { z, loss: softplus(-z) };
}

function meanPairLoss(network: MlpNetwork, pairs: readonly PreparedPair[], beta: number): number {
  let total = 0;
  for (const pair of pairs) {
    network.forward(pair.contexts, pair.targets.length, pair.targets);
    total += pairLoss(pair, network.targetLogProbs, 0, beta).loss;
  }
  return total / pairs.length;
}

function splitSums(logProbs: Float64Array, row: number, chosenLength: number, length: number) {
  let chosen = 0;
  let rejected = 0;
  for (let i = 0; i < length; i++) {
    const value = logProbs[row + i] ?? 0;
    if (i < chosenLength) chosen += value;
    else rejected += value;
  }
  return { chosen, rejected };
}

/** Rows of the `pairsPerStep` longest pairs: a step never needs more. */
function maxRows(pairs: readonly EncodedPreference[], pairsPerStep: number): number {
  const lengths = pairs.map((pair) => pair.chosen.length + pair.rejected.length).sort((a, b) => b - a);
  return Math.max(
    1,
    lengths.slice(0, pairsPerStep).reduce((sum, length) => sum + length, 0),
  );
}

function sigmoid(x: number): number {
  return 1 / (1 + exp(-x));
}

/** log(1 + eˣ) without overflow. */
function softplus(x: number): number {
  return x > 30 ? x : log(1 + exp(x));
}
