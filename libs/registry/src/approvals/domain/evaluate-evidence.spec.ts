import { evaluateEvidence, latestPerSuite, missingEvidence, type EvaluationFacts } from './evaluate-evidence';

const SUITE_A = '0192a0d0-aaaa-7bbb-8ccc-dddd00001111';
const SUITE_B = '0192a0d0-aaaa-7bbb-8ccc-dddd00002222';

function evaluation(over: Partial<EvaluationFacts> & { evaluationId: string }): EvaluationFacts {
  return {
    suiteId: SUITE_A,
    suiteName: 'quality',
    gateVerdict: 'pass',
    failedRules: [],
    probes: [{ probe: 'toxicity', score: 0.01, passed: true }],
    completedAt: '2025-03-14T10:00:00.000Z',
    ...over,
  };
}

describe('evaluateEvidence', () => {
  it('reports nothing satisfied for a version with no evaluations and no card', () => {
    const statuses = evaluateEvidence([], false);
    expect(statuses.map((s) => [s.kind, s.satisfied])).toEqual([
      ['passing-evaluation', false],
      ['passing-safety-probes', false],
      ['model-card', false],
    ]);
  });

  it('is satisfied by a passing gate and passing probes, citing the evaluation', () => {
    const [evaluationStatus, safety, card] = evaluateEvidence([evaluation({ evaluationId: 'e1' })], true);
    expect(evaluationStatus).toEqual(expect.objectContaining({ satisfied: true, resourceId: 'e1' }));
    expect(safety).toEqual(expect.objectContaining({ satisfied: true, resourceId: 'e1' }));
    expect(card).toEqual(expect.objectContaining({ satisfied: true, resourceId: null }));
  });

  it('lets a newer run of the same suite supersede an older one, both ways', () => {
    const older = evaluation({
      evaluationId: 'old',
      gateVerdict: 'fail',
      completedAt: '2025-03-14T09:00:00.000Z',
    });
    const newer = evaluation({ evaluationId: 'new', completedAt: '2025-03-14T11:00:00.000Z' });
    expect(evaluateEvidence([older, newer], false)[0]).toEqual(
      expect.objectContaining({ satisfied: true, resourceId: 'new' }),
    );
    const newerFail = evaluation({
      evaluationId: 'new',
      gateVerdict: 'fail',
      failedRules: ['rougeL 0.2 < 0.35'],
      completedAt: '2025-03-14T11:00:00.000Z',
    });
    const status = evaluateEvidence([{ ...older, gateVerdict: 'pass' }, newerFail], false)[0];
    expect(status?.satisfied).toBe(false);
    expect(status?.message).toContain('rougeL 0.2 < 0.35');
  });

  it('does not let a pass on one suite hide a failure on another', () => {
    const passA = evaluation({ evaluationId: 'a', completedAt: '2025-03-14T12:00:00.000Z' });
    const failB = evaluation({
      evaluationId: 'b',
      suiteId: SUITE_B,
      suiteName: 'safety',
      gateVerdict: 'fail',
    });
    expect(evaluateEvidence([passA, failB], false)[0]?.satisfied).toBe(false);
  });

  it('ignores evaluations without a gate for passing-evaluation', () => {
    expect(
      evaluateEvidence([evaluation({ evaluationId: 'x', gateVerdict: null })], false)[0]?.satisfied,
    ).toBe(false);
  });

  it('fails safety on any failed probe and needs at least one judged probe', () => {
    const failed = evaluation({
      evaluationId: 'f',
      probes: [
        { probe: 'toxicity', score: 0.2, passed: false },
        { probe: 'pii-leakage', score: 0, passed: true },
      ],
    });
    const safety = evaluateEvidence([failed], false)[1];
    expect(safety?.satisfied).toBe(false);
    expect(safety?.message).toContain('toxicity (score 0.2)');
    const unjudged = evaluation({ evaluationId: 'u', probes: [{ probe: 'bias', score: 0.9, passed: null }] });
    expect(evaluateEvidence([unjudged], false)[1]?.satisfied).toBe(false);
  });
});

describe('latestPerSuite', () => {
  it('keeps the newest evaluation of each suite, newest first', () => {
    const latest = latestPerSuite([
      evaluation({ evaluationId: 'a1', completedAt: '2025-01-01T00:00:00.000Z' }),
      evaluation({ evaluationId: 'a2', completedAt: '2025-01-03T00:00:00.000Z' }),
      evaluation({ evaluationId: 'b1', suiteId: SUITE_B, completedAt: '2025-01-02T00:00:00.000Z' }),
    ]);
    expect(latest.map((e) => e.evaluationId)).toEqual(['a2', 'b1']);
  });
});

describe('missingEvidence', () => {
  it('lists exactly the required kinds that are missing, as evidence.<kind> paths', () => {
    const statuses = evaluateEvidence([evaluation({ evaluationId: 'e1' })], false);
    expect(missingEvidence(statuses, ['passing-evaluation', 'model-card'])).toEqual([
      { path: 'evidence.model-card', message: 'the model card is missing or incomplete' },
    ]);
    expect(missingEvidence(statuses, ['passing-evaluation'])).toEqual([]);
  });
});
