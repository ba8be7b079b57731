import type { RetrainingRequestedV1 } from '@llmops/contracts';
import { matchesRetraining } from './matches-retraining';

describe('matchesRetraining', () => {
  it('matches a retraining trigger for the requested model only', () => {
    const trigger = { kind: 'retraining-requested', modelName: 'support-assistant' } as const;
    expect(matchesRetraining(trigger, { modelName: 'support-assistant' })).toBe(true);
    expect(matchesRetraining(trigger, { modelName: 'support-assistant-v2' })).toBe(false);
  });

  it('never matches other kinds of trigger', () => {
    expect(matchesRetraining({ kind: 'schedule', everySeconds: 60 }, { modelName: 'x' })).toBe(false);
    expect(matchesRetraining({ kind: 'dataset-version', datasetName: 'x' }, { modelName: 'x' })).toBe(false);
  });

  it('takes the retraining-requested event as it comes', () => {
    const request: RetrainingRequestedV1 = {
      retrainingRequestId: '0190f5a8-7c3e-7d4a-9b1e-000000000001',
      modelId: '0190f5a8-7c3e-7d4a-9b1e-000000000002',
      modelName: 'support-assistant',
      currentVersion: null,
      policyId: '0190f5a8-7c3e-7d4a-9b1e-000000000003',
      policyVersion: 1,
      reasons: [{ kind: 'drift', findingId: null, message: 'input drift' }],
      suggestedDatasets: [],
      requestedAt: '2025-01-01T00:00:00.000Z',
    };
    expect(matchesRetraining({ kind: 'retraining-requested', modelName: 'support-assistant' }, request)).toBe(
      true,
    );
  });
});
