import { thrownCode } from '../testing/thrown-code';
import { loadFixture } from '../testing/load-fixture';
import { integrate } from './integrate';
import { optimalLshParams } from './optimal-lsh-params';

interface LshParamsFixture {
  cases: {
    threshold: number;
    numPerm: number;
    weights: [number, number];
    b: number;
    r: number;
    error: number;
  }[];
}

const fixture = loadFixture('lsh-params.json') as LshParamsFixture;

describe('optimalLshParams equals datasketch _optimal_param', () => {
  it.each(fixture.cases.map((c) => [c.threshold, c.numPerm, c.weights.join('/'), c] as const))(
    't=%f num_perm=%i weights=%s',
    (_t, _n, _w, c) => {
      const params = optimalLshParams(c.threshold, c.numPerm, c.weights);
      expect([params.bands, params.rows]).toEqual([c.b, c.r]);
      expect(Math.abs(params.error - c.error) / c.error).toBeLessThan(1e-9);
    },
  );

  it('integrates polynomials exactly and smooth functions to scipy’s tolerance', () => {
    expect(integrate((x) => x ** 5, 0, 1)).toBeCloseTo(1 / 6, 14);
    // scipy.integrate.quad(lambda s: 1 - (1 - s**20)**9, 0.3, 1)[0]
    expect(integrate((x) => 1 - (1 - x ** 20) ** 9, 0.3, 1)).toBeCloseTo(0.13026953899025454, 12);
    expect(integrate(Math.sin, 0, Math.PI)).toBeCloseTo(2, 12);
  });

  it('rejects thresholds and weights datasketch rejects', () => {
    expect(thrownCode(() => optimalLshParams(1.2, 128))).toBe('INVALID_OPTION');
    expect(thrownCode(() => optimalLshParams(0.5, 128, [0.6, 0.6]))).toBe('INVALID_OPTION');
  });
});
