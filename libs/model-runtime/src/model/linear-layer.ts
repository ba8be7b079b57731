import { gemmNT, transpose } from '../math/gemm';
import type { LoraLayer } from './lora-adapter';
import type { LinearWeights } from './model-weights';

/** Which of a layer's tensors get gradients. */
export interface LinearTrainability {
  readonly base: boolean;
  readonly lora: boolean;
}

/** Gradient buffers, each the shape of its tensor; null where the tensor is frozen. */
export interface LinearGradients {
  readonly weight: Float32Array | null;
  readonly bias: Float32Array | null;
  readonly loraA: Float32Array | null;
  readonly loraB: Float32Array | null;
}

/**
 * A dense layer over a batch of rows, with an optional unmerged LoRA branch for adapter training. Holds
 * its scratch buffers, sized for `maxBatch` rows, so a training step allocates nothing.
 */
export class LinearLayer {
  readonly gradients: LinearGradients;
  private readonly inSize: number;
  private readonly outSize: number;
  private readonly rank: number;
  private readonly loraHidden: Float32Array;
  private readonly scratchIn: Float32Array;
  private readonly scratchOut: Float32Array;
  private scratchWeight: Float32Array | null = null;
  private readonly scratchRank: Float32Array;
  private readonly scratchRank2: Float32Array;
  private readonly scratchLora: Float32Array;

  constructor(
    readonly params: LinearWeights,
    readonly lora: LoraLayer | null,
    private readonly loraScale: number,
    trainable: LinearTrainability,
    maxBatch: number,
  ) {
    this.inSize = params.inSize;
    this.outSize = params.outSize;
    this.rank = lora === null ? 0 : lora.a.length / params.inSize;
    const trainLora = trainable.lora && lora !== null;
    this.gradients = {
      weight: trainable.base ? new Float32Array(params.weight.length) : null,
      bias: trainable.base ? new Float32Array(params.bias.length) : null,
      loraA: trainLora ? new Float32Array(lora.a.length) : null,
      loraB: trainLora ? new Float32Array(lora.b.length) : null,
    };
    const training = trainable.base || trainLora;
    this.loraHidden = new Float32Array(maxBatch * this.rank);
    this.scratchIn = new Float32Array(training ? this.inSize * maxBatch : 0);
    this.scratchOut = new Float32Array(training ? this.outSize * maxBatch : 0);
    this.scratchRank = new Float32Array(maxBatch * this.rank);
    this.scratchRank2 = new Float32Array(maxBatch * this.rank);
    this.scratchLora = new Float32Array(Math.max(this.inSize, this.outSize) * this.rank);
  }

  /** y[batch × out] = x·Wᵀ + b (+ scale·(x·Aᵀ)·Bᵀ). */
  forward(x: Float32Array, batch: number, y: Float32Array): void {
    const { inSize, outSize, params } = this;
    gemmNT(batch, outSize, inSize, x, params.weight, y);
    const bias = params.bias;
    for (let row = 0; row < batch; row++) {
      const base = row * outSize;
      for (let o = 0; o < outSize; o++) y[base + o] = (y[base + o] ?? 0) + (bias[o] ?? 0);
    }
    if (this.lora !== null) {
      gemmNT(batch, this.rank, inSize, x, this.lora.a, this.loraHidden);
      gemmNT(batch, outSize, this.rank, this.loraHidden, this.lora.b, y, this.loraScale, true);
    }
  }

  /**
   * Adds this batch's gradients to the gradient buffers, and writes dL/dx into `dx` when given. `x` must be
   * the input of the last forward call.
   */
  backward(x: Float32Array, dy: Float32Array, batch: number, dx: Float32Array | null): void {
    const { inSize, outSize, rank, gradients, params } = this;
    const needXT = gradients.weight !== null || gradients.loraA !== null;
    const needDyT = gradients.weight !== null || gradients.loraB !== null;
    const xT = this.scratchIn;
    const dyT = this.scratchOut;
    if (needXT) transpose(x, batch, inSize, xT);
    if (needDyT) transpose(dy, batch, outSize, dyT);
    if (gradients.bias !== null) {
      const gradBias = gradients.bias;
      for (let o = 0; o < outSize; o++) {
        let sum = 0;
        const base = o * batch;
        for (let row = 0; row < batch; row++) sum += dyT[base + row] ?? 0;
        gradBias[o] = (gradBias[o] ?? 0) + sum;
      }
    }
    if (gradients.weight !== null) gemmNT(outSize, inSize, batch, dyT, xT, gradients.weight, 1, true);
    if (dx !== null) {
      // Allocated on first use: inference-only layers never need the transposed weight.
      this.scratchWeight ??= new Float32Array(inSize * outSize);
      transpose(params.weight, outSize, inSize, this.scratchWeight);
      gemmNT(batch, inSize, outSize, dy, this.scratchWeight, dx);
    }
    if (this.lora === null || (gradients.loraA === null && dx === null)) return;

    const { a, b } = this.lora;
    const scale = this.loraScale;
    const du = this.scratchRank;
    // du[batch × rank] = scale · dy·B
    transpose(b, outSize, rank, this.scratchLora);
    gemmNT(batch, rank, outSize, dy, this.scratchLora, du, scale);
    if (gradients.loraB !== null) {
      const uT = this.scratchRank2;
      transpose(this.loraHidden, batch, rank, uT);
      gemmNT(outSize, rank, batch, dyT, uT, gradients.loraB, scale, true);
    }
    if (gradients.loraA !== null) {
      const duT = this.scratchRank2;
      transpose(du, batch, rank, duT);
      gemmNT(rank, inSize, batch, duT, xT, gradients.loraA, 1, true);
    }
    if (dx !== null) {
      transpose(a, rank, inSize, this.scratchLora);
      gemmNT(batch, inSize, rank, du, this.scratchLora, dx, 1, true);
    }
  }
}
