import type { RandomSource } from './seeded-random';

/**
 * Parzen (kernel density) estimators over the unit interval, as the Tree-structured Parzen Estimator uses
 * them: one truncated Gaussian per observation plus a broad prior component (mean 0.5, σ 1) so that a
 * density fitted to few points still covers the whole range. Weights are equal.
 */
export interface NumericParzen {
  mus: number[];
  sigmas: number[];
}

/** Weight of the prior, counted like one observation spread uniformly over the categories. */
const PRIOR_WEIGHT = 1;
const PRIOR_MU = 0.5;
const PRIOR_SIGMA = 1;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Fits a density to `points` ∈ [0, 1]. Each kernel's width is the larger gap to its neighbours (the ends
 * count 0 and 1 as neighbours), clipped to [1 / min(100, n + 1), 1]: wide where points are sparse, narrow
 * where they cluster, never degenerate when points coincide (the adaptive bandwidth of Bergstra et al.).
 */
export function fitNumericParzen(points: readonly number[]): NumericParzen {
  const kernels = [...points.map((mu) => ({ mu, prior: false })), { mu: PRIOR_MU, prior: true }].sort(
    (a, b) => a.mu - b.mu || Number(a.prior) - Number(b.prior),
  );
  const minSigma = PRIOR_SIGMA / Math.min(100, kernels.length);
  const mus = kernels.map((kernel) => kernel.mu);
  const sigmas = kernels.map((kernel, i) => {
    if (kernel.prior) return PRIOR_SIGMA;
    const left = kernel.mu - (mus[i - 1] ?? 0);
    const right = (mus[i + 1] ?? 1) - kernel.mu;
    return Math.min(PRIOR_SIGMA, Math.max(minSigma, left, right));
  });
  return { mus, sigmas };
}

/** log of the density at `u` (the mixture of Gaussians, each truncated to [0, 1] and renormalised). */
export function numericLogDensity(estimator: NumericParzen, u: number): number {
  const logWeight = -Math.log(estimator.mus.length);
  const terms = estimator.mus.map((mu, i) => {
    const sigma = estimator.sigmas[i] ?? PRIOR_SIGMA;
    const z = (u - mu) / sigma;
    const mass = normalCdf((1 - mu) / sigma) - normalCdf(-mu / sigma);
    return logWeight - 0.5 * z * z - LOG_SQRT_2PI - Math.log(sigma) - Math.log(mass);
  });
  return logSumExp(terms);
}

/** One draw from the estimator: pick a kernel uniformly, then draw from its truncated Gaussian. */
export function sampleNumericParzen(estimator: NumericParzen, random: RandomSource): number {
  const count = estimator.mus.length;
  const k = Math.min(count - 1, Math.floor(random() * count));
  const mu = estimator.mus[k] ?? PRIOR_MU;
  const sigma = estimator.sigmas[k] ?? PRIOR_SIGMA;
  // Rejection sampling accepts at least ~1/3 of draws (every kernel keeps ≥ 34% of its mass in [0, 1]).
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const x = mu + sigma * standardNormal(random);
    if (x >= 0 && x <= 1) return x;
  }
  return Math.min(1, Math.max(0, mu));
}

/** Category probabilities: `(count + prior / k) / (n + prior)`, so unseen categories keep a chance. */
export function fitCategoricalParzen(indices: readonly number[], categories: number): number[] {
  const counts = new Array<number>(categories).fill(0);
  for (const index of indices) counts[index] = (counts[index] ?? 0) + 1;
  const total = indices.length + PRIOR_WEIGHT;
  return counts.map((count) => (count + PRIOR_WEIGHT / categories) / total);
}

/** One category index drawn with the given probabilities. */
export function sampleCategorical(probabilities: readonly number[], random: RandomSource): number {
  let rest = random();
  for (let i = 0; i < probabilities.length; i += 1) {
    rest -= probabilities[i] ?? 0;
    if (rest < 0) return i;
  }
  return probabilities.length - 1;
}

/** Box–Muller: one standard normal draw from two uniform ones. */
function standardNormal(random: RandomSource): number {
  const u1 = 1 - random(); // (0, 1]: log(0) never happens
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

function normalCdf(x: number): number {
  return 0.5 * (1 + erf(x / Math.SQRT2));
}

/** Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7), plenty for ranking candidates. */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-ax * ax));
}

function logSumExp(terms: readonly number[]): number {
  const max = Math.max(...terms);
  if (!Number.isFinite(max)) return max;
  return max + Math.log(terms.reduce((sum, term) => sum + Math.exp(term - max), 0));
}
