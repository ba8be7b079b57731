import type { ModelVersionView } from '../dtos/model-version-view.dto';

/** A complete, realistic version view for unit specs; override what a spec cares about. */
export function modelVersionView(overrides: Partial<ModelVersionView> = {}): ModelVersionView {
  return {
    id: '0192c2b3-4d5e-7f6a-8b7c-9d0e1f2a3b4c',
    modelId: '0191f3e0-2a4c-7e6f-8a1b-3c5d7e9f1a2b',
    modelName: 'support-bot',
    version: 4,
    stage: 'registered',
    rowVersion: 1,
    format: 'builtin',
    artifacts: [
      {
        uri: 's3://llmops/runs/r/model/model.bin',
        sha256: '44aff01cc5ca209aeade2554b19e0d432356c75a89fd55cf29899c744e9788a3',
        size: 796,
        role: 'model',
      },
    ],
    baseModel: { kind: 'builtin', name: 'tiny-gpt-2l' },
    method: 'lora',
    hyperparameters: { learning_rate: 0.0003, epochs: 3 },
    metrics: { eval_loss: 1.744, eval_perplexity: 5.72 },
    tags: {},
    description: '',
    lineage: {
      datasets: [
        {
          datasetId: '0192a4f0-5b1e-7c3a-9d2e-4f6a8b0c1d2e',
          versionId: '0192b7c1-2d3e-7f40-8a51-b6c7d8e9f0a1',
          version: 3,
          split: 'train',
        },
      ],
      runId: '0192c1a0-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
    },
    source: { kind: 'training-run', runId: '0192c1a0-5e6f-7a8b-9c0d-1e2f3a4b5c6d' },
    aliases: [],
    registeredBy: { subject: 'registry', kind: 'service', roles: ['service'] },
    registeredAt: '2025-03-14T10:11:49.020Z',
    stageChangedAt: '2025-03-14T10:11:49.020Z',
    retiredAt: null,
    retiredReason: null,
    ...overrides,
  };
}
