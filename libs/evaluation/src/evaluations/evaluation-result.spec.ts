import { EvaluationError, EvaluationPlanSchema, type SuiteOutcome } from '@llmops/eval-suite';
import { errorInfo, toEvaluationResult } from './evaluation-result';
import type { EvaluationRow } from './evaluation-row';

const ref = { uri: 's3://llmops/evaluations/e/attempt-1/report.json', sha256: 'a'.repeat(64), size: 10 };
const champion = { modelId: 'm', modelName: 'bot', versionId: 'v1', version: 1 };

const row = {
  suiteSpec: { ...EvaluationPlanSchema.parse({}), datasets: [], models: [] },
  gatePolicy: {
    id: 'p',
    name: 'release',
    version: 3,
    rules: { rules: [{ kind: 'probe', probe: 'toxicity', max: 0.1 }], withoutChampion: 'pass' },
  },
} as unknown as EvaluationRow;

const outcome: SuiteOutcome = {
  itemCount: 2,
  metrics: { rougeL: 0.5, perplexity: NaN },
  championMetrics: { rougeL: 0.4 },
  comparisons: [
    {
      metric: 'rougeL',
      candidate: 0.5,
      champion: 0.4,
      difference: 0.1,
      ciLow: 0.05,
      ciHigh: 0.15,
      verdict: 'better',
      resamples: 1000,
      seed: 12345,
      confidenceLevel: 0.95,
    },
    {
      metric: 'perplexity',
      candidate: NaN,
      champion: NaN,
      difference: NaN,
      ciLow: NaN,
      ciHigh: NaN,
      verdict: 'no-significant-difference',
      resamples: 1000,
      seed: 12345,
      confidenceLevel: 0.95,
    },
  ],
  probes: [
    {
      probe: 'toxicity',
      score: 0.2,
      higherIsWorse: true,
      itemCount: 10,
      flaggedCount: 2,
      details: {},
      items: [],
    },
    {
      probe: 'refusal',
      score: 0.9,
      higherIsWorse: false,
      itemCount: 10,
      flaggedCount: 1,
      details: {},
      items: [],
    },
  ],
  gate: {
    verdict: 'fail',
    reasons: [{ rule: 'probe toxicity <= 0.1', passed: false, message: 'toxicity score = 0.2000' }],
  },
  warnings: [],
  items: [],
};

describe('toEvaluationResult', () => {
  it('keeps finite metrics and comparisons only, with the frozen bootstrap settings and policy version', () => {
    const result = toEvaluationResult(row, outcome, champion, { report: ref, predictions: ref }, new Date(0));
    expect(result.metrics).toEqual({ rougeL: 0.5 });
    expect(result.championComparison).toEqual({
      champion,
      confidenceLevel: 0.95,
      resamples: 1000,
      seed: 12345,
      comparisons: [
        {
          metric: 'rougeL',
          candidate: 0.5,
          champion: 0.4,
          difference: 0.1,
          ciLow: 0.05,
          ciHigh: 0.15,
          verdict: 'better',
        },
      ],
    });
    expect(result.probes).toEqual([
      { probe: 'toxicity', score: 0.2, passed: false },
      { probe: 'refusal', score: 0.9, passed: null },
    ]);
    expect(result.gate).toMatchObject({ policyId: 'p', policyVersion: 3, verdict: 'fail' });
    expect(result.startedAt).toBe('1970-01-01T00:00:00.000Z');
  });

  it('has no comparison without a champion', () => {
    expect(
      toEvaluationResult(
        row,
        { ...outcome, comparisons: null },
        null,
        { report: ref, predictions: ref },
        new Date(),
      ).championComparison,
    ).toBeNull();
  });
});

describe('errorInfo', () => {
  it('keeps the harness code; only unreachable endpoints and internal errors are retryable', () => {
    expect(errorInfo(new EvaluationError('EVAL_ENDPOINT_UNREACHABLE', 'down'))).toEqual({
      code: 'EVAL_ENDPOINT_UNREACHABLE',
      message: 'down',
      retryable: true,
    });
    expect(errorInfo(new EvaluationError('EVAL_ENDPOINT_REJECTED', '401'))).toMatchObject({
      retryable: false,
    });
    expect(errorInfo(new TypeError('boom'))).toEqual({
      code: 'EVAL_INTERNAL',
      message: 'boom',
      retryable: true,
    });
  });
});
