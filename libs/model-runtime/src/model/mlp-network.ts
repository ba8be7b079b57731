import type { SeededRandom } from '../random/seeded-random';
import { PAD_ID } from '../tokenizer/special-tokens';
import { LinearLayer } from './linear-layer';
import { type LoraAdapter, loraScale } from './lora-adapter';
import { inputSize, type ModelArchitecture, rowWidth } from './model-architecture';
import type { ModelWeights } from './model-weights';

// Bound once: in a vm sandbox (jest) each `Math.x` in a hot loop is a slow global lookup.
const { exp, log, tanh } = Math;

/** What a network computes gradients for. */
export type Trainability = 'none' | 'all' | 'adapter';

export interface NetworkOptions {
  /** Most positions one forward call takes. */
  readonly maxBatch: number;
  readonly trainable: Trainability;
  /** Unmerged adapter to train (trainable 'adapter'); its tensors are updated in place. */
  readonly adapter?: LoraAdapter;
  /** Probability of zeroing each hidden activation while training; 0 turns dropout off. */
  readonly dropout?: number;
  /** Draws the dropout masks. */
  readonly random?: SeededRandom;
}

/**
 * Forward and backward passes over a batch of positions. Each position is a row of `contexts` holding
 * the rowWidth ids before it (window and bag), and the network scores the next token. Activations of
 * the last forward call are kept for `backward`.
 */
export class MlpNetwork {
  readonly hiddenLayers: LinearLayer[];
  readonly outputLayer: LinearLayer;
  /** dL/d(embedding), or null when embeddings are frozen. */
  readonly embeddingGradient: Float32Array | null;
  /** Probabilities [batch × vocab] after `forward` (the logits are overwritten by the softmax). */
  readonly probabilities: Float32Array;
  /** log p(target) per row after a `forward` given targets, computed from the logits in double precision. */
  readonly targetLogProbs: Float64Array;
  private readonly input: Float32Array;
  private readonly activations: Float32Array[];
  private readonly masks: Float32Array[];
  private readonly gradActivation: Float32Array[];
  private readonly gradInput: Float32Array | null;
  private readonly contexts: Int32Array;
  /**
   * Lowest activation whose gradient someone needs: -1 (the input) when embeddings train, else the input
   * of the lowest trainable hidden layer. Backward stops there instead of running down to the input.
   */
  private readonly firstTrainable: number;
  private batch = 0;
  private dropoutActive = false;

  constructor(
    readonly architecture: ModelArchitecture,
    readonly weights: ModelWeights,
    private readonly options: NetworkOptions,
  ) {
    const { maxBatch, trainable, adapter } = options;
    const { hiddenSize, vocabSize } = architecture;
    const scale = adapter === undefined ? 0 : loraScale(adapter);
    const loraFor = (name: string) => adapter?.layers.find((lora) => lora.layer === name) ?? null;
    const trainability = { base: trainable === 'all', lora: trainable === 'adapter' };
    this.hiddenLayers = weights.hidden.map(
      (layer, index) => new LinearLayer(layer, loraFor(`hidden.${index}`), scale, trainability, maxBatch),
    );
    this.outputLayer = new LinearLayer(weights.output, loraFor('output'), scale, trainability, maxBatch);
    this.embeddingGradient = trainable === 'all' ? new Float32Array(weights.embedding.length) : null;
    this.input = new Float32Array(maxBatch * inputSize(architecture));
    this.activations = weights.hidden.map(() => new Float32Array(maxBatch * hiddenSize));
    const withDropout = (options.dropout ?? 0) > 0 && trainable !== 'none';
    this.masks = weights.hidden.map(() => new Float32Array(withDropout ? maxBatch * hiddenSize : 0));
    const training = trainable !== 'none';
    this.gradActivation = weights.hidden.map(() => new Float32Array(training ? maxBatch * hiddenSize : 0));
    this.gradInput =
      this.embeddingGradient === null ? null : new Float32Array(maxBatch * inputSize(architecture));
    this.probabilities = new Float32Array(maxBatch * vocabSize);
    this.targetLogProbs = new Float64Array(maxBatch);
    this.contexts = new Int32Array(maxBatch * rowWidth(architecture));
    const trains = (layer: LinearLayer) =>
      Object.values(layer.gradients).some((gradient) => gradient !== null);
    const lowestHidden = this.hiddenLayers.findIndex(trains);
    this.firstTrainable =
      this.embeddingGradient !== null ? -1 : lowestHidden >= 0 ? lowestHidden - 1 : this.hiddenLayers.length;
  }

  /** Every gradient buffer, paired with its parameter, for the optimizer. */
  parameterGradients(): { param: Float32Array; grad: Float32Array; decay: boolean }[] {
    const pairs: { param: Float32Array; grad: Float32Array; decay: boolean }[] = [];
    if (this.embeddingGradient !== null) {
      pairs.push({ param: this.weights.embedding, grad: this.embeddingGradient, decay: false });
    }
    for (const layer of [...this.hiddenLayers, this.outputLayer]) {
      const g = layer.gradients;
      if (g.weight !== null) pairs.push({ param: layer.params.weight, grad: g.weight, decay: true });
      if (g.bias !== null) pairs.push({ param: layer.params.bias, grad: g.bias, decay: false });
      if (layer.lora !== null && g.loraA !== null && g.loraB !== null) {
        pairs.push({ param: layer.lora.a, grad: g.loraA, decay: false });
        pairs.push({ param: layer.lora.b, grad: g.loraB, decay: false });
      }
    }
    return pairs;
  }

  /** Zeroes every gradient buffer before a step accumulates into them. */
  zeroGradients(): void {
    for (const { grad } of this.parameterGradients()) grad.fill(0);
  }

  /**
   * Next-token probabilities for `batch` positions (rows of `contexts`, rowWidth ids each), written to
   * `probabilities`; with `targets`, also log p(target) per row into `targetLogProbs`. `train` turns
   * dropout on. Returns `probabilities`.
   */
  forward(
    contexts: Int32Array,
    batch: number,
    targets: Int32Array | null = null,
    train = false,
  ): Float32Array {
    const { hiddenSize, vocabSize } = this.architecture;
    if (batch > this.options.maxBatch)
      throw new Error(`batch ${batch} exceeds maxBatch ${this.options.maxBatch}`);
    this.batch = batch;
    this.contexts.set(contexts.subarray(0, batch * rowWidth(this.architecture)));
    this.dropoutActive = train && (this.options.dropout ?? 0) > 0;
    this.gatherInput(contexts, batch);
    const input = this.input;

    let x = input;
    this.hiddenLayers.forEach((layer, index) => {
      const h = this.activations[index] ?? input;
      layer.forward(x, batch, h);
      const n = batch * hiddenSize;
      for (let i = 0; i < n; i++) h[i] = tanh(h[i] ?? 0);
      if (this.dropoutActive) this.applyDropout(h, this.masks[index] ?? h, n);
      x = h;
    });

    const probs = this.probabilities;
    this.outputLayer.forward(x, batch, probs);
    softmaxRows(probs, batch, vocabSize, targets, this.targetLogProbs);
    return probs;
  }

  /**
   * Backward pass for the loss Σ weights[row] · −log p(targets[row]) over the last forward batch, adding
   * into the gradient buffers. Negative weights are allowed (DPO pushes rejected tokens down). Overwrites
   * `probabilities`.
   */
  backward(targets: Int32Array, weights: Float32Array): void {
    const batch = this.batch;
    const { hiddenSize, vocabSize } = this.architecture;
    // dL/dlogits = w · (p − onehot), computed in place over the probabilities
    const grad = this.probabilities;
    for (let row = 0; row < batch; row++) {
      const w = weights[row] ?? 0;
      const base = row * vocabSize;
      for (let v = 0; v < vocabSize; v++) grad[base + v] = (grad[base + v] ?? 0) * w;
      const t = base + (targets[row] ?? 0);
      grad[t] = (grad[t] ?? 0) - w;
    }

    // Layer above activation `index` (the output layer above the last one; index −1 is the input).
    const last = this.hiddenLayers.length - 1;
    let dy = grad;
    for (let index = last; ; index--) {
      const layer = index === last ? this.outputLayer : this.hiddenLayers[index + 1];
      const x = index >= 0 ? this.activations[index] : this.input;
      if (layer === undefined || x === undefined) break;
      const needDx = index >= this.firstTrainable;
      const dx = needDx ? (index >= 0 ? (this.gradActivation[index] ?? null) : this.gradInput) : null;
      layer.backward(x, dy, batch, dx);
      if (dx === null || index < 0) break;
      const mask = this.masks[index];
      const n = batch * hiddenSize;
      for (let i = 0; i < n; i++) {
        // x = tanh(z)·m with m ∈ {0, 1/(1−p)} under dropout, m = 1 otherwise; tanh' = 1 − tanh².
        const m = this.dropoutActive ? (mask?.[i] ?? 0) : 1;
        const t = m === 0 ? 0 : (x[i] ?? 0) / m;
        dx[i] = (dx[i] ?? 0) * m * (1 - t * t);
      }
      dy = dx;
    }
    const gradInput = this.gradInput;
    if (gradInput !== null) this.scatterInputGradient(gradInput, batch);
  }

  /**
   * Input rows: the window's embeddings side by side, then (with a bag) the mean embedding of the bag's
   * tokens, PAD excluded so that a short history is not diluted.
   */
  private gatherInput(contexts: Int32Array, batch: number): void {
    const { contextSize, embeddingSize: E, bagSize } = this.architecture;
    const W = rowWidth(this.architecture);
    const width = inputSize(this.architecture);
    const { input } = this;
    const embedding = this.weights.embedding;
    for (let row = 0; row < batch; row++) {
      const ids = row * W;
      const out = row * width;
      for (let c = 0; c < contextSize; c++) {
        const from = (contexts[ids + W - contextSize + c] ?? 0) * E;
        input.set(embedding.subarray(from, from + E), out + c * E);
      }
      if (bagSize === 0) continue;
      const bag = out + contextSize * E;
      input.fill(0, bag, bag + E);
      let count = 0;
      for (let b = W - bagSize; b < W; b++) {
        const token = contexts[ids + b] ?? PAD_ID;
        if (token === PAD_ID) continue;
        count++;
        const from = token * E;
        for (let e = 0; e < E; e++) input[bag + e] = (input[bag + e] ?? 0) + (embedding[from + e] ?? 0);
      }
      if (count > 1) for (let e = 0; e < E; e++) input[bag + e] = (input[bag + e] ?? 0) / count;
    }
  }

  /** Adds dL/d(input) into the embedding gradient: window slots to their token, the bag spread evenly. */
  private scatterInputGradient(gradInput: Float32Array, batch: number): void {
    const embeddingGradient = this.embeddingGradient;
    if (embeddingGradient === null) return;
    const { contextSize, embeddingSize: E, bagSize } = this.architecture;
    const W = rowWidth(this.architecture);
    const width = inputSize(this.architecture);
    const contexts = this.contexts;
    for (let row = 0; row < batch; row++) {
      const ids = row * W;
      const from = row * width;
      for (let c = 0; c < contextSize; c++) {
        const to = (contexts[ids + W - contextSize + c] ?? 0) * E;
        const slot = from + c * E;
        for (let e = 0; e < E; e++)
          embeddingGradient[to + e] = (embeddingGradient[to + e] ?? 0) + (gradInput[slot + e] ?? 0);
      }
      if (bagSize === 0) continue;
      let count = 0;
      for (let b = W - bagSize; b < W; b++) if ((contexts[ids + b] ?? PAD_ID) !== PAD_ID) count++;
      if (count === 0) continue;
      const share = 1 / count;
      const slot = from + contextSize * E;
      for (let b = W - bagSize; b < W; b++) {
        const token = contexts[ids + b] ?? PAD_ID;
        if (token === PAD_ID) continue;
        const to = token * E;
        for (let e = 0; e < E; e++) {
          embeddingGradient[to + e] = (embeddingGradient[to + e] ?? 0) + share * (gradInput[slot + e] ?? 0);
        }
      }
    }
  }

  private applyDropout(h: Float32Array, mask: Float32Array, n: number): void {
    const p = this.options.dropout ?? 0;
    const keep = 1 / (1 - p);
    const random = this.options.random;
    for (let i = 0; i < n; i++) {
      const m = (random?.next() ?? 1) < p ? 0 : keep;
      mask[i] = m;
      h[i] = (h[i] ?? 0) * m;
    }
  }
}

/**
 * Row-wise softmax in place (max-subtracted, so large logits cannot overflow). With `targets`, writes
 * log p(target) = logit − log Σ exp(logits) per row in double precision, which stays finite even where
 * the float32 probability would underflow to 0.
 */
export function softmaxRows(
  values: Float32Array,
  rows: number,
  cols: number,
  targets: Int32Array | null = null,
  targetLogProbs: Float64Array | null = null,
): void {
  for (let row = 0; row < rows; row++) {
    const base = row * cols;
    let max = -Infinity;
    for (let v = 0; v < cols; v++) {
      const value = values[base + v] ?? 0;
      if (value > max) max = value;
    }
    const targetLogit = targets === null ? 0 : (values[base + (targets[row] ?? 0)] ?? 0);
    let sum = 0;
    for (let v = 0; v < cols; v++) {
      const e = exp((values[base + v] ?? 0) - max);
      values[base + v] = e;
      sum += e;
    }
    if (targetLogProbs !== null) targetLogProbs[row] = targetLogit - max - log(sum);
    const inv = 1 / sum;
    for (let v = 0; v < cols; v++) values[base + v] = (values[base + v] ?? 0) * inv;
  }
}
