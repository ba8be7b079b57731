import { pairedBootstrap, type PairedBootstrapResult } from '@llmops/eval-metrics';
import { LOWER_IS_BETTER } from '../metrics/suite-metric-names';
import type { ScoredPredictions } from '../metrics/score-predictions';

export interface MetricComparison extends PairedBootstrapResult {
  readonly metric: string;
}

/**
 * Candidate minus champion for every metric both were scored on, on the same items, with a seeded paired
 * bootstrap: the same resampled items for both systems in each draw.
 */
export function compareWithChampion(
  candidate: ScoredPredictions,
  champion: ScoredPredictions,
  bootstrap: { resamples: number; seed: number; confidenceLevel: number },
): MetricComparison[] {
  return Object.entries(candidate.resamplable).flatMap(([metric, ours]) => {
    const theirs = champion.resamplable[metric];
    if (!theirs) return [];
    const result = pairedBootstrap(ours, theirs, {
      ...bootstrap,
      higherIsBetter: !LOWER_IS_BETTER.has(metric),
    });
    return [{ metric, ...result }];
  });
}
