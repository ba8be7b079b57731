import { approvalSubjectKey, modelTransitionKey } from './approval-subject-key';

describe('approvalSubjectKey', () => {
  it('keys model transitions by name, number and stage, as the gate rebuilds them', () => {
    const key = approvalSubjectKey({
      kind: 'model-stage-transition',
      modelId: '0191f3e0-2a4c-7e6f-8a1b-3c5d7e9f1a2b',
      modelName: 'support-bot',
      versionId: '0192c2b3-4d5e-7f6a-8b7c-9d0e1f2a3b4c',
      version: 4,
      toStage: 'production',
    });
    expect(key).toBe(modelTransitionKey('support-bot', 4, 'production'));
  });

  it('keys prompt label moves apart from model transitions', () => {
    const key = approvalSubjectKey({
      kind: 'prompt-label-move',
      promptId: '0191f3e0-2a4c-7e6f-8a1b-3c5d7e9f1a2b',
      promptName: 'support-bot',
      versionId: '0192c2b3-4d5e-7f6a-8b7c-9d0e1f2a3b4c',
      version: 4,
      label: 'production',
    });
    expect(key).toBe('prompt-label-move:support-bot:production:4');
  });
});
