import type { BleuStatistics } from './bleu-statistics';

export type BleuSmoothMethod = 'exp' | 'floor' | 'add-k' | 'none';

export const BLEU_SMOOTH_METHODS: readonly BleuSmoothMethod[] = ['exp', 'floor', 'add-k', 'none'];

/** sacreBLEU's defaults (Chen & Cherry 2014); `null` where the method takes no value. */
export const BLEU_SMOOTH_DEFAULTS: Readonly<Record<BleuSmoothMethod, number | null>> = {
  exp: null,
  floor: 0.1,
  'add-k': 1,
  none: null,
};

/** The numbers sacreBLEU's `BLEUScore` carries (precisions in percent, score in 0–100). */
export interface BleuNumbers {
  score: number;
  counts: number[];
  totals: number[];
  precisions: number[];
  bp: number;
  sysLen: number;
  refLen: number;
}

export interface BleuScoringOptions {
  smooth: BleuSmoothMethod;
  smoothValue?: number | undefined;
  effectiveOrder: boolean;
  maxOrder: number;
}

// sacreBLEU's my_log: log(0) is floored so that an unsmoothed zero precision zeroes the score.
function flooredLog(value: number): number {
  return value === 0 ? -9999999999 : Math.log(value);
}

/** BLEU from summed statistics, step for step as sacreBLEU's `BLEU.compute_bleu`. */
export function computeBleu(stats: BleuStatistics, options: BleuScoringOptions): BleuNumbers {
  const { sysLen, refLen } = stats;
  const { smooth, effectiveOrder, maxOrder } = options;
  const smoothValue = options.smoothValue ?? BLEU_SMOOTH_DEFAULTS[smooth] ?? 0;
  // sacreBLEU mutates and returns these lists (add-k shows up in counts/totals), so copy first.
  const counts = [...stats.correct];
  const totals = [...stats.total];
  let bp = 1;
  if (sysLen < refLen) bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0;
  const precisions = new Array<number>(maxOrder).fill(0);
  if (!counts.some((c) => c !== 0)) return { score: 0, counts, totals, precisions, bp, sysLen, refLen };

  let smoothMteval = 1;
  let effOrder = maxOrder;
  for (let n = 1; n <= maxOrder; n++) {
    const i = n - 1;
    if (smooth === 'add-k' && n > 1) {
      counts[i] = (counts[i] ?? 0) + smoothValue;
      totals[i] = (totals[i] ?? 0) + smoothValue;
    }
    const total = totals[i] ?? 0;
    const correct = counts[i] ?? 0;
    if (total === 0) break;
    // Effective order: orders past the longest hypothesis n-gram are left out rather than zeroing the score.
    if (effectiveOrder) effOrder = n;
    if (correct === 0) {
      if (smooth === 'exp') {
        smoothMteval *= 2;
        precisions[i] = 100 / (smoothMteval * total);
      } else if (smooth === 'floor') precisions[i] = (100 * smoothValue) / total;
    } else precisions[i] = (100 * correct) / total;
  }
  let logSum = 0;
  for (const p of precisions.slice(0, effOrder)) logSum += flooredLog(p);
  return { score: bp * Math.exp(logSum / effOrder), counts, totals, precisions, bp, sysLen, refLen };
}
