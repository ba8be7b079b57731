import { gemmNT, transpose } from '../math/gemm';
import type { SeededRandom } from '../random/seeded-random';
import type { LinearWeights, ModelWeights, NamedTensor } from './model-weights';

/** Which layers get adapters: every hidden layer, the output projection, or both. */
export type LoraTarget = 'hidden' | 'output';

/** Low-rank update of one layer: W' = W + (alpha / rank) · B·A, with A [rank × in] and B [out × rank]. */
export interface LoraLayer {
  /** `hidden.0`, `hidden.1`, …, or `output`. */
  readonly layer: string;
  readonly a: Float32Array;
  readonly b: Float32Array;
}

/** A LoRA adapter: the only trained tensors of a `lora` run; the base stays frozen and is not stored. */
export interface LoraAdapter {
  readonly rank: number;
  readonly alpha: number;
  readonly targets: readonly LoraTarget[];
  readonly layers: readonly LoraLayer[];
}

/** alpha / rank: the usual LoRA scaling, so changing the rank does not change the update's size. */
export function loraScale(adapter: Pick<LoraAdapter, 'rank' | 'alpha'>): number {
  return adapter.alpha / adapter.rank;
}

/** The layers `targets` select, by name. */
export function targetLayers(
  weights: ModelWeights,
  targets: readonly LoraTarget[],
): Map<string, LinearWeights> {
  const layers = new Map<string, LinearWeights>();
  if (targets.includes('hidden'))
    weights.hidden.forEach((layer, index) => layers.set(`hidden.${index}`, layer));
  if (targets.includes('output')) layers.set('output', weights.output);
  return layers;
}

/** A fresh adapter: A random (Kaiming-style), B zero, so training starts exactly at the base model. */
export function initLoraAdapter(
  weights: ModelWeights,
  options: { rank: number; alpha: number; targets: readonly LoraTarget[] },
  random: SeededRandom,
): LoraAdapter {
  const layers: LoraLayer[] = [];
  for (const [name, layer] of targetLayers(weights, options.targets)) {
    const a = new Float32Array(options.rank * layer.inSize);
    const std = 1 / Math.sqrt(layer.inSize);
    for (let i = 0; i < a.length; i++) a[i] = random.nextNormal() * std;
    layers.push({ layer: name, a, b: new Float32Array(layer.outSize * options.rank) });
  }
  return { rank: options.rank, alpha: options.alpha, targets: options.targets, layers };
}

/** The adapter's tensors as weights.bin stores them. */
export function loraTensors(adapter: LoraAdapter, weights: ModelWeights): NamedTensor[] {
  const byName = targetLayers(weights, adapter.targets);
  return adapter.layers.flatMap((lora) => {
    const layer = byName.get(lora.layer);
    const inSize = layer?.inSize ?? lora.a.length / adapter.rank;
    const outSize = layer?.outSize ?? lora.b.length / adapter.rank;
    return [
      { name: `${lora.layer}.lora_a`, shape: [adapter.rank, inSize], data: lora.a },
      { name: `${lora.layer}.lora_b`, shape: [outSize, adapter.rank], data: lora.b },
    ];
  });
}

/**
 * Base weights with the adapter folded in (W + scale·B·A), for inference: the merged model runs at the
 * base model's speed, and loading an adapter and training it produce the very same merged numbers.
 */
export function mergeLora(base: ModelWeights, adapter: LoraAdapter): ModelWeights {
  const scale = loraScale(adapter);
  const merged = new Map<string, Float32Array>();
  const byName = targetLayers(base, adapter.targets);
  for (const lora of adapter.layers) {
    const layer = byName.get(lora.layer);
    if (layer === undefined) throw new Error(`adapter targets unknown layer ${lora.layer}`);
    const weight = layer.weight.slice();
    const aT = new Float32Array(lora.a.length);
    transpose(lora.a, adapter.rank, layer.inSize, aT);
    gemmNT(layer.outSize, layer.inSize, adapter.rank, lora.b, aT, weight, scale, true);
    merged.set(lora.layer, weight);
  }
  const withMerged = (name: string, layer: LinearWeights): LinearWeights => ({
    ...layer,
    weight: merged.get(name) ?? layer.weight,
  });
  return {
    embedding: base.embedding,
    hidden: base.hidden.map((layer, index) => withMerged(`hidden.${index}`, layer)),
    output: withMerged('output', base.output),
  };
}
