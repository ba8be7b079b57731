import {
  fitCategoricalParzen,
  fitNumericParzen,
  numericLogDensity,
  sampleCategorical,
  sampleNumericParzen,
} from './parzen-estimator';
import { seededRandom } from './seeded-random';

/** Midpoint rule over [0, 1]. */
const integral = (density: (u: number) => number, steps = 4000): number => {
  let sum = 0;
  for (let i = 0; i < steps; i += 1) sum += density((i + 0.5) / steps);
  return sum / steps;
};

describe('numeric Parzen estimator', () => {
  it('is a density on [0, 1] (integrates to 1), with or without points', () => {
    for (const points of [[], [0.2], [0.1, 0.1, 0.1], [0, 0.5, 0.97, 1]]) {
      const estimator = fitNumericParzen(points);
      expect(integral((u) => Math.exp(numericLogDensity(estimator, u)))).toBeCloseTo(1, 3);
    }
  });

  it('is higher near its points than far from them', () => {
    const estimator = fitNumericParzen([0.2, 0.22, 0.25]);
    expect(numericLogDensity(estimator, 0.22)).toBeGreaterThan(numericLogDensity(estimator, 0.8));
  });

  it('gives coinciding points a narrow but non-zero width', () => {
    const estimator = fitNumericParzen([0.4, 0.4, 0.4]);
    expect(Math.min(...estimator.sigmas)).toBeCloseTo(1 / 4, 12);
    expect(Number.isFinite(numericLogDensity(estimator, 0.4))).toBe(true);
  });

  it('samples inside [0, 1], mostly near its points', () => {
    const estimator = fitNumericParzen(Array.from({ length: 30 }, () => 0.8));
    const random = seededRandom(1, 1);
    const draws = Array.from({ length: 2000 }, () => sampleNumericParzen(estimator, random));
    expect(draws.every((u) => u >= 0 && u <= 1)).toBe(true);
    expect(draws.filter((u) => Math.abs(u - 0.8) < 0.1).length / 2000).toBeGreaterThan(0.7);
  });
});

describe('categorical Parzen estimator', () => {
  it('smooths counts with a prior worth one observation', () => {
    expect(fitCategoricalParzen([0, 0, 1], 4)).toEqual([(2 + 0.25) / 4, (1 + 0.25) / 4, 0.25 / 4, 0.25 / 4]);
    expect(fitCategoricalParzen([], 2)).toEqual([0.5, 0.5]);
  });

  it('samples with the given probabilities', () => {
    const random = seededRandom(2, 2);
    const counts = [0, 0, 0];
    for (let i = 0; i < 4000; i += 1) counts[sampleCategorical([0.5, 0.25, 0.25], random)]! += 1;
    expect(counts[0]! / 4000).toBeCloseTo(0.5, 1);
    expect(counts[1]! / 4000).toBeCloseTo(0.25, 1);
  });
});
