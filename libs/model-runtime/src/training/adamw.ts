// Bound once: in a vm sandbox (jest) each `Math.x` in a hot loop is a slow global lookup.
const { sqrt } = Math;

/** One trainable tensor with its gradient; `decay` says whether weight decay applies to it. */
export interface ParameterGradient {
  readonly param: Float32Array;
  readonly grad: Float32Array;
  readonly decay: boolean;
}

export interface AdamWOptions {
  readonly weightDecay: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}

/**
 * AdamW (Loshchilov & Hutter): Adam with bias-corrected moments and weight decay applied to the weights
 * directly rather than through the gradient, so decay does not get rescaled by the adaptive step.
 */
export class AdamW {
  private readonly first: Float32Array[];
  private readonly second: Float32Array[];
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly epsilon: number;
  private steps = 0;

  constructor(
    private readonly parameters: readonly ParameterGradient[],
    private readonly options: AdamWOptions,
  ) {
    this.first = parameters.map(({ param }) => new Float32Array(param.length));
    this.second = parameters.map(({ param }) => new Float32Array(param.length));
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.99;
    this.epsilon = options.epsilon ?? 1e-8;
  }

  /** One update with learning rate `lr` from the gradients currently in the buffers. */
  step(lr: number): void {
    this.steps++;
    const { beta1, beta2, epsilon } = this;
    const correction1 = 1 - beta1 ** this.steps;
    const correction2 = 1 - beta2 ** this.steps;
    const stepSize = lr / correction1;
    const decay = 1 - lr * this.options.weightDecay;
    this.parameters.forEach(({ param, grad, decay: decays }, index) => {
      const m = this.first[index] ?? param;
      const v = this.second[index] ?? param;
      const shrink = decays ? decay : 1;
      for (let i = 0; i < param.length; i++) {
        const g = grad[i] ?? 0;
        const mi = beta1 * (m[i] ?? 0) + (1 - beta1) * g;
        const vi = beta2 * (v[i] ?? 0) + (1 - beta2) * g * g;
        m[i] = mi;
        v[i] = vi;
        param[i] = (param[i] ?? 0) * shrink - (stepSize * mi) / (sqrt(vi / correction2) + epsilon);
      }
    });
  }
}

/**
 * Scales all gradients down together when their global L2 norm exceeds `maxNorm`; returns the norm before
 * clipping (NaN or Infinity if a gradient blew up, which the trainer turns into TRAINING_DIVERGED).
 */
export function clipGradients(parameters: readonly ParameterGradient[], maxNorm: number): number {
  let sumSquares = 0;
  for (const { grad } of parameters) {
    for (let i = 0; i < grad.length; i++) {
      const g = grad[i] ?? 0;
      sumSquares += g * g;
    }
  }
  const norm = sqrt(sumSquares);
  if (norm > maxNorm) {
    const factor = maxNorm / norm;
    for (const { grad } of parameters) {
      for (let i = 0; i < grad.length; i++) grad[i] = (grad[i] ?? 0) * factor;
    }
  }
  return norm;
}
