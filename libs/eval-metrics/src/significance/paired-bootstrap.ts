import { MetricInputError } from '../bleu/metric-input.error';
import { quantileSorted } from '../stats/quantile.util';
import type { ResamplableMetric } from './resamplable-metric';
import { drawIndices, mulberry32 } from './seeded-random';

export interface PairedBootstrapOptions {
  /** Number of resamples, default 1000 (sacreBLEU's `--paired-bs-n`). */
  resamples?: number;
  /** PRNG seed, default 12345 (sacreBLEU's `SACREBLEU_SEED` default); the same seed gives the same result. */
  seed?: number;
  /** Two-sided confidence level of the interval, default 0.95. */
  confidenceLevel?: number;
  /** Whether a larger score is better (default true); false for error rates, TER, toxicity… */
  higherIsBetter?: boolean;
}

export interface PairedBootstrapResult {
  /** Candidate score on the full set. */
  candidate: number;
  /** Champion score on the full set. */
  champion: number;
  /** candidate − champion on the full set. */
  difference: number;
  /** Percentile interval of the per-resample differences (candidate − champion). */
  ciLow: number;
  ciHigh: number;
  /** `better` when the whole interval favours the candidate, `worse` when it favours the champion. */
  verdict: 'better' | 'worse' | 'no-significant-difference';
  resamples: number;
  seed: number;
  confidenceLevel: number;
}

interface ResolvedOptions {
  resamples: number;
  seed: number;
  confidenceLevel: number;
  higherIsBetter: boolean;
}

function resolve(options: PairedBootstrapOptions): ResolvedOptions {
  const o = {
    resamples: options.resamples ?? 1000,
    seed: options.seed ?? 12345,
    confidenceLevel: options.confidenceLevel ?? 0.95,
    higherIsBetter: options.higherIsBetter ?? true,
  };
  if (!Number.isInteger(o.resamples) || o.resamples < 1)
    throw new MetricInputError('INVALID_OPTION', `resamples must be a positive integer, got ${o.resamples}`);
  if (!Number.isInteger(o.seed))
    throw new MetricInputError('INVALID_OPTION', `seed must be an integer, got ${o.seed}`);
  if (!(o.confidenceLevel > 0 && o.confidenceLevel < 1))
    throw new MetricInputError(
      'INVALID_OPTION',
      `confidenceLevel must be in (0, 1), got ${o.confidenceLevel}`,
    );
  return o;
}

function verdictOf(ciLow: number, ciHigh: number, higherIsBetter: boolean): PairedBootstrapResult['verdict'] {
  if (ciLow > 0) return higherIsBetter ? 'better' : 'worse';
  if (ciHigh < 0) return higherIsBetter ? 'worse' : 'better';
  return 'no-significant-difference';
}

/**
 * Paired bootstrap resampling (Koehn 2004), as sacreBLEU's `--paired-bs`: each resample draws item
 * indices with replacement and scores both systems on the same draw. The interval is the percentile
 * interval (linear interpolation) of the per-resample differences at `confidenceLevel`; the verdict is
 * significant only when it excludes 0. Throws `MetricInputError` when the systems' sizes differ or are 0.
 */
export function pairedBootstrap(
  candidate: ResamplableMetric,
  champion: ResamplableMetric,
  options: PairedBootstrapOptions = {},
): PairedBootstrapResult {
  if (candidate.size !== champion.size)
    throw new MetricInputError(
      'SIZE_MISMATCH',
      `candidate has ${candidate.size} items but champion has ${champion.size}; paired resampling needs the same items`,
    );
  if (candidate.size === 0) throw new MetricInputError('EMPTY_CORPUS', 'no items to resample');
  const o = resolve(options);
  const candidateScore = candidate.score();
  const championScore = champion.score();
  const next = mulberry32(o.seed);
  const indices = new Int32Array(candidate.size);
  const differences = new Float64Array(o.resamples);
  for (let b = 0; b < o.resamples; b++) {
    drawIndices(next, candidate.size, indices);
    differences[b] = candidate.score(indices) - champion.score(indices);
  }
  differences.sort();
  const tail = (1 - o.confidenceLevel) / 2;
  const ciLow = quantileSorted(differences, tail);
  const ciHigh = quantileSorted(differences, 1 - tail);
  return {
    candidate: candidateScore,
    champion: championScore,
    difference: candidateScore - championScore,
    ciLow,
    ciHigh,
    verdict: verdictOf(ciLow, ciHigh, o.higherIsBetter),
    resamples: o.resamples,
    seed: o.seed,
    confidenceLevel: o.confidenceLevel,
  };
}
