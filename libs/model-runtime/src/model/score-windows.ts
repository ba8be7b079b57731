import type { TokenWindows } from '../data/token-windows';
import type { MlpNetwork } from './mlp-network';

/** Σ −log p(target) over all windows, in chunks of `batchSize` (dropout off). */
export function sumNll(network: MlpNetwork, windows: TokenWindows, batchSize: number): number {
  const { width, contexts, targets, count } = windows;
  let total = 0;
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    network.forward(
      contexts.subarray(start * width, (start + size) * width),
      size,
      targets.subarray(start, start + size),
    );
    for (let row = 0; row < size; row++) total -= network.targetLogProbs[row] ?? 0;
  }
  return total;
}
