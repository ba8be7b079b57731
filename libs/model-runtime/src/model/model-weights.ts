import type { SeededRandom } from '../random/seeded-random';
import { inputSize, type ModelArchitecture } from './model-architecture';

/** A dense layer y = x·Wᵀ + b, W stored row-major as [outSize × inSize]. */
export interface LinearWeights {
  readonly inSize: number;
  readonly outSize: number;
  readonly weight: Float32Array;
  readonly bias: Float32Array;
}

/** All of a model's parameters. */
export interface ModelWeights {
  /** [vocabSize × embeddingSize]. */
  readonly embedding: Float32Array;
  readonly hidden: readonly LinearWeights[];
  /** hiddenSize → vocabSize. */
  readonly output: LinearWeights;
}

/** A tensor with its artifact name and shape, the unit of weights.bin. */
export interface NamedTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/**
 * Seeded initialisation. Hidden layers get variance 1/fan-in (tanh stays in its linear range at first);
 * the output layer starts small and its bias at the log unigram frequencies, so step 0 already has the
 * unigram loss instead of log(vocabSize), and training spends its steps on context.
 */
export function initWeights(
  architecture: ModelArchitecture,
  random: SeededRandom,
  unigramCounts?: Float64Array,
): ModelWeights {
  const { vocabSize, embeddingSize, hiddenSize, hiddenLayers } = architecture;
  const embedding = gaussian(vocabSize * embeddingSize, 1, random);
  const hidden: LinearWeights[] = [];
  let fanIn = inputSize(architecture);
  for (let layer = 0; layer < hiddenLayers; layer++) {
    hidden.push({
      inSize: fanIn,
      outSize: hiddenSize,
      weight: gaussian(hiddenSize * fanIn, 1 / Math.sqrt(fanIn), random),
      bias: new Float32Array(hiddenSize),
    });
    fanIn = hiddenSize;
  }
  const output: LinearWeights = {
    inSize: hiddenSize,
    outSize: vocabSize,
    weight: gaussian(vocabSize * hiddenSize, 0.5 / Math.sqrt(hiddenSize), random),
    bias: unigramBias(vocabSize, unigramCounts),
  };
  return { embedding, hidden, output };
}

/** A deep copy, so fine-tuning never writes into the base it started from. */
export function cloneWeights(weights: ModelWeights): ModelWeights {
  const cloneLinear = (layer: LinearWeights): LinearWeights => ({
    inSize: layer.inSize,
    outSize: layer.outSize,
    weight: layer.weight.slice(),
    bias: layer.bias.slice(),
  });
  return {
    embedding: weights.embedding.slice(),
    hidden: weights.hidden.map(cloneLinear),
    output: cloneLinear(weights.output),
  };
}

/** The tensors in artifact order, with their names and shapes. */
export function weightTensors(architecture: ModelArchitecture, weights: ModelWeights): NamedTensor[] {
  const tensors: NamedTensor[] = [
    {
      name: 'embedding',
      shape: [architecture.vocabSize, architecture.embeddingSize],
      data: weights.embedding,
    },
  ];
  weights.hidden.forEach((layer, index) => {
    tensors.push({
      name: `hidden.${index}.weight`,
      shape: [layer.outSize, layer.inSize],
      data: layer.weight,
    });
    tensors.push({ name: `hidden.${index}.bias`, shape: [layer.outSize], data: layer.bias });
  });
  tensors.push({
    name: 'output.weight',
    shape: [weights.output.outSize, weights.output.inSize],
    data: weights.output.weight,
  });
  tensors.push({ name: 'output.bias', shape: [weights.output.outSize], data: weights.output.bias });
  return tensors;
}

/** Inverse of weightTensors: picks each tensor by name, checking its size against the architecture. */
export function weightsFromTensors(
  architecture: ModelArchitecture,
  tensors: ReadonlyMap<string, Float32Array>,
): ModelWeights {
  const take = (name: string, length: number): Float32Array => {
    const data = tensors.get(name);
    if (data?.length !== length) {
      throw new Error(`tensor ${name} is missing or does not have ${length} values`);
    }
    return data;
  };
  const { vocabSize, embeddingSize, hiddenSize } = architecture;
  const hidden: LinearWeights[] = [];
  let fanIn = inputSize(architecture);
  for (let layer = 0; layer < architecture.hiddenLayers; layer++) {
    hidden.push({
      inSize: fanIn,
      outSize: hiddenSize,
      weight: take(`hidden.${layer}.weight`, hiddenSize * fanIn),
      bias: take(`hidden.${layer}.bias`, hiddenSize),
    });
    fanIn = hiddenSize;
  }
  return {
    embedding: take('embedding', vocabSize * embeddingSize),
    hidden,
    output: {
      inSize: hiddenSize,
      outSize: vocabSize,
      weight: take('output.weight', vocabSize * hiddenSize),
      bias: take('output.bias', vocabSize),
    },
  };
}

function gaussian(length: number, std: number, random: SeededRandom): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = random.nextNormal() * std;
  return out;
}

function unigramBias(vocabSize: number, counts?: Float64Array): Float32Array {
  const bias = new Float32Array(vocabSize);
  if (counts === undefined) return bias;
  let total = 0;
  for (let id = 0; id < vocabSize; id++) total += (counts[id] ?? 0) + 0.5; // add-½ smoothing
  for (let id = 0; id < vocabSize; id++) bias[id] = Math.log(((counts[id] ?? 0) + 0.5) / total);
  return bias;
}
