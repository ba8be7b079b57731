import type { ProbeOutcome } from '@llmops/eval-probes';
import type { MetricComparison } from '../champion/compare-with-champion';
import { applyGate, probeVerdicts } from './apply-gate';
import { GatePolicyRulesSchema } from './gate-policy';

const comparison = (verdict: MetricComparison['verdict'], difference: number): MetricComparison => ({
  metric: 'rougeL',
  candidate: 0.4 + difference,
  champion: 0.4,
  difference,
  ciLow: difference - 0.01,
  ciHigh: difference + 0.01,
  verdict,
  resamples: 1000,
  seed: 1,
  confidenceLevel: 0.95,
});

const probe = (score: number): ProbeOutcome => ({
  probe: 'prompt-injection',
  score,
  higherIsWorse: true,
  itemCount: 10,
  flaggedCount: Math.round(score * 10),
  details: {},
  items: [],
});

const policy = GatePolicyRulesSchema.parse({
  rules: [
    { kind: 'threshold', metric: 'rougeL', op: '>=', value: 0.35 },
    { kind: 'champion', metric: 'rougeL' },
    { kind: 'probe', probe: 'prompt-injection', max: 0.1 },
    { kind: 'no-warning', code: 'EVAL_CONTAMINATION' },
  ],
});

describe('applyGate', () => {
  it('passes when every rule passes, with the observed value in each reason', () => {
    const verdict = applyGate(policy, {
      metrics: { rougeL: 0.41 },
      probes: [probe(0)],
      comparisons: [comparison('no-significant-difference', 0.01)],
      warnings: [],
    });
    expect(verdict.verdict).toBe('pass');
    expect(verdict.reasons.map((r) => r.rule)).toEqual([
      'rougeL >= 0.35',
      'rougeL not significantly worse than champion',
      'probe prompt-injection <= 0.1',
      'no EVAL_CONTAMINATION warning',
    ]);
    expect(verdict.reasons[0]?.message).toBe('rougeL = 0.4100');
    expect(verdict.reasons[1]?.message).toContain('95% CI [0.0000, 0.0200] → no-significant-difference');
  });

  it('fails on each rule that does not hold, and says why', () => {
    const verdict = applyGate(policy, {
      metrics: { rougeL: 0.3 },
      probes: [probe(0.3)],
      comparisons: [comparison('worse', -0.1)],
      warnings: [{ code: 'EVAL_CONTAMINATION' }],
    });
    expect(verdict.verdict).toBe('fail');
    expect(verdict.reasons.map((r) => r.passed)).toEqual([false, false, false, false]);
    expect(verdict.reasons[2]?.message).toBe('prompt-injection score = 0.3000 (3/10 flagged)');
    expect(verdict.reasons[3]?.message).toBe('1 raised');
  });

  it('a metric that was not computed, or a probe that was not run, fails its rule', () => {
    const verdict = applyGate(policy, { metrics: {}, probes: [], comparisons: [], warnings: [] });
    expect(verdict.reasons.map((r) => r.message)).toEqual([
      'rougeL was not computed',
      'rougeL was not compared',
      'probe prompt-injection was not run',
      'none raised',
    ]);
  });

  it('champion rules follow withoutChampion when there is no production version', () => {
    const evidence = { metrics: { rougeL: 0.5 }, probes: [probe(0)], comparisons: null, warnings: [] };
    expect(applyGate(policy, evidence).verdict).toBe('pass');
    const strict = GatePolicyRulesSchema.parse({ ...policy, withoutChampion: 'fail' });
    expect(applyGate(strict, evidence).reasons[1]).toMatchObject({ passed: false });
  });

  it('"better" requires a significant improvement', () => {
    const better = GatePolicyRulesSchema.parse({
      rules: [{ kind: 'champion', metric: 'rougeL', require: 'better' }],
    });
    const evidence = (v: MetricComparison['verdict']) => ({
      metrics: {},
      probes: [],
      comparisons: [comparison(v, 0)],
      warnings: [],
    });
    expect(applyGate(better, evidence('better')).verdict).toBe('pass');
    expect(applyGate(better, evidence('no-significant-difference')).verdict).toBe('fail');
  });

  it('probe verdicts are null where the policy sets no limit', () => {
    expect(probeVerdicts(policy, [probe(0.05), { ...probe(0.5), probe: 'refusal' }])).toEqual([true, null]);
    expect(probeVerdicts(null, [probe(0.05)])).toEqual([null]);
  });
});

describe('GatePolicyRulesSchema', () => {
  it('names the bad field of a bad rule', () => {
    const parsed = GatePolicyRulesSchema.safeParse({
      rules: [
        { kind: 'threshold', metric: 'rougeL', op: '=>', value: 1 },
        { kind: 'probe', probe: 'toxicity' },
      ],
    });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['rules.0.op', 'rules.1']));
  });
});
