import { validateHyperparameters } from './hyperparameters';

describe('validateHyperparameters', () => {
  it('fills in the defaults of each method', () => {
    const sft = validateHyperparameters('sft', {});
    expect(sft).toEqual({
      ok: true,
      value: expect.objectContaining({ learningRate: 5e-3, epochs: 3, batchSize: 64 }),
    });
    const lora = validateHyperparameters('lora', undefined);
    expect(lora).toEqual({
      ok: true,
      value: expect.objectContaining({ loraRank: 8, loraAlpha: 16, loraTargets: ['hidden', 'output'] }),
    });
    const dpo = validateHyperparameters('dpo', { beta: 0.5 });
    expect(dpo).toEqual({ ok: true, value: expect.objectContaining({ beta: 0.5, batchSize: 8 }) });
  });

  it('reports every bad field at once, unknown ones included', () => {
    const result = validateHyperparameters('lora', {
      learningRate: 0,
      epochs: 2.5,
      batchSize: 100_000,
      loraRank: 0,
      loraTargets: [],
      seed: -1,
      learning_rate: 0.1,
      vocabSize: 512,
    });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((issue) => issue.path).sort();
    expect(paths).toEqual(
      [
        'batchSize',
        'epochs',
        'learningRate',
        'learning_rate',
        'loraRank',
        'loraTargets',
        'seed',
        'vocabSize',
      ].sort(),
    );
    if (!result.ok) {
      expect(result.issues.find((issue) => issue.path === 'vocabSize')?.message).toBe(
        'not a hyperparameter of method lora',
      );
    }
  });

  it('checks fields against each other', () => {
    const result = validateHyperparameters('continued-pretraining', { maxSteps: 10, warmupSteps: 10 });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'warmupSteps', message: 'must be smaller than maxSteps' }],
    });
  });

  it('keeps method-specific fields to their method', () => {
    expect(validateHyperparameters('sft', { beta: 0.1 }).ok).toBe(false);
    expect(validateHyperparameters('dpo', { loraRank: 4 }).ok).toBe(false);
    expect(validateHyperparameters('sft', { hiddenSize: 32, contextSize: 4 }).ok).toBe(true);
  });
});
