import { gaussKronrod21 } from './gauss-kronrod-21';

/** scipy.integrate.quad's default tolerances (1.49e-8) and subinterval limit. */
const EPSABS = 1.49e-8;
const EPSREL = 1.49e-8;
const LIMIT = 50;

/**
 * ∫_a^b f adaptively, as QUADPACK's qags does it minus the Wynn-epsilon extrapolation: apply the GK21
 * rule, then keep bisecting the piece with the largest error estimate until the summed estimate meets
 * scipy's default tolerance. The extrapolation only pays for endpoint singularities, which the LSH
 * integrands (polynomials in s) do not have; the results agree with scipy to ~1e-12 on the fixture grid.
 */
export function integrate(f: (x: number) => number, a: number, b: number): number {
  const first = gaussKronrod21(f, a, b);
  let result = first.result;
  let abserr = first.abserr;
  if (abserr <= Math.max(EPSABS, EPSREL * Math.abs(result))) return result;
  // Pieces as parallel arrays: [a, b, result, abserr] per piece.
  const lo = [a];
  const hi = [b];
  const results = [first.result];
  const errors = [first.abserr];
  while (abserr > Math.max(EPSABS, EPSREL * Math.abs(result)) && lo.length < LIMIT) {
    let worst = 0;
    for (let i = 1; i < errors.length; i++) if ((errors[i] ?? 0) > (errors[worst] ?? 0)) worst = i;
    const pa = lo[worst] ?? 0;
    const pb = hi[worst] ?? 0;
    const mid = 0.5 * (pa + pb);
    const left = gaussKronrod21(f, pa, mid);
    const right = gaussKronrod21(f, mid, pb);
    result += left.result + right.result - (results[worst] ?? 0);
    abserr += left.abserr + right.abserr - (errors[worst] ?? 0);
    hi[worst] = mid;
    results[worst] = left.result;
    errors[worst] = left.abserr;
    lo.push(mid);
    hi.push(pb);
    results.push(right.result);
    errors.push(right.abserr);
  }
  return result;
}
