import { SeededRandom } from '../random/seeded-random';
import { PAD_ID } from '../tokenizer/special-tokens';
import { initLoraAdapter, type LoraAdapter } from './lora-adapter';
import type { ModelArchitecture } from './model-architecture';
import { initWeights, type ModelWeights } from './model-weights';
import { MlpNetwork, type Trainability } from './mlp-network';

const architecture: ModelArchitecture = {
  type: 'mlp-lm',
  vocabSize: 260,
  contextSize: 3,
  embeddingSize: 4,
  hiddenSize: 6,
  hiddenLayers: 2,
  bagSize: 5,
  activation: 'tanh',
};
const batch = 7;
const random = new SeededRandom(3);
const WIDTH = 5; // rowWidth: max(contextSize 3, bagSize 5)
// Rows start with 0–4 PADs, as at the start of a sequence; the bag must leave them out.
const contexts = Int32Array.from({ length: batch * WIDTH }, (_, i) =>
  i % WIDTH < Math.floor(i / WIDTH) % 5 ? PAD_ID : random.nextInt(260),
);
const targets = Int32Array.from({ length: batch }, () => random.nextInt(260));
// Mixed signs, as DPO uses them.
const lossWeights = Float32Array.from([0.5, 1, -0.3, 0.8, 0.2, -0.6, 1.2]);

function loss(network: MlpNetwork): number {
  network.forward(contexts, batch, targets);
  let total = 0;
  for (let row = 0; row < batch; row++) total -= (lossWeights[row] ?? 0) * (network.targetLogProbs[row] ?? 0);
  return total;
}

/**
 * Below this size gradient errors count as absolute: the loss is computed from float32 activations, so
 * central differences carry ~1e-5 of rounding noise, which would swamp the relative error of a tiny gradient.
 */
const GRADIENT_FLOOR = 0.05;

/** Largest relative error between the analytic gradient and central differences, over every parameter. */
function worstRelativeError(network: MlpNetwork): { worst: number; checked: number } {
  network.zeroGradients();
  loss(network);
  network.backward(targets, lossWeights);
  const eps = 1e-2;
  let worst = 0;
  let checked = 0;
  for (const { param, grad } of network.parameterGradients()) {
    for (let i = 0; i < param.length; i++) {
      const original = param[i] ?? 0;
      param[i] = original + eps;
      const plus = loss(network);
      param[i] = original - eps;
      const minus = loss(network);
      param[i] = original;
      const numeric = (plus - minus) / (2 * eps);
      const analytic = grad[i] ?? 0;
      worst = Math.max(
        worst,
        Math.abs(numeric - analytic) / Math.max(GRADIENT_FLOOR, Math.abs(numeric) + Math.abs(analytic)),
      );
      checked++;
    }
  }
  return { worst, checked };
}

function network(trainable: Trainability, weights: ModelWeights, adapter?: LoraAdapter): MlpNetwork {
  return new MlpNetwork(architecture, weights, {
    maxBatch: batch,
    trainable,
    ...(adapter ? { adapter } : {}),
  });
}

describe('MlpNetwork backward', () => {
  it('matches finite differences for every parameter of a full model', () => {
    const weights = initWeights(architecture, new SeededRandom(1));
    const { worst, checked } = worstRelativeError(network('all', weights));
    expect(checked).toBe(260 * 4 + 6 * 16 + 6 + 6 * 6 + 6 + 260 * 6 + 260);
    expect(worst).toBeLessThan(2e-3);
  });

  it.each([
    [['hidden', 'output'] as const, 2 * (16 + 6) + 2 * (6 + 6) + 2 * (6 + 260)],
    [['hidden'] as const, 2 * (16 + 6) + 2 * (6 + 6)],
    [['output'] as const, 2 * (6 + 260)],
  ])('matches finite differences for LoRA tensors on %j, with the base frozen', (targets, parameters) => {
    const weights = initWeights(architecture, new SeededRandom(1));
    const adapter = initLoraAdapter(weights, { rank: 2, alpha: 4, targets }, new SeededRandom(2));
    // B starts at zero, which would hide errors in A's gradient; give it values.
    const fill = new SeededRandom(5);
    for (const layer of adapter.layers)
      for (let i = 0; i < layer.b.length; i++) layer.b[i] = fill.nextNormal() * 0.3;
    const { worst, checked } = worstRelativeError(network('adapter', weights, adapter));
    expect(checked).toBe(parameters);
    expect(worst).toBeLessThan(2e-3);
  });

  it('computes log-probabilities that normalise over the vocabulary', () => {
    const net = network('none', initWeights(architecture, new SeededRandom(1)));
    const probs = net.forward(contexts, batch);
    for (let row = 0; row < batch; row++) {
      let sum = 0;
      for (let v = 0; v < 260; v++) sum += probs[row * 260 + v] ?? 0;
      expect(sum).toBeCloseTo(1, 5);
    }
  });
});
