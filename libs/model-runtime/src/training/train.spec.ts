import { generalEnglishParagraphs } from '../../corpus/general-english';
import { ModelRuntimeError } from '../errors/model-runtime-error';
import { trainTinyModel } from '../testing/tiny-model';
import { train } from './train';
import type { TrainingProgress } from './training-progress';

const corpus = generalEnglishParagraphs()
  .slice(0, 12)
  .map((text) => ({ kind: 'text' as const, text }));
const small = {
  vocabSize: 300,
  contextSize: 4,
  embeddingSize: 8,
  hiddenSize: 16,
  learningRate: 0.02,
  warmupSteps: 5,
};

describe('train', () => {
  it('trains from scratch: loss falls, progress is reported, eval loss at each epoch end', async () => {
    const progress: TrainingProgress[] = [];
    const { model, metrics } = await train({
      method: 'continued-pretraining',
      corpus,
      hyperparameters: { ...small, epochs: 3, logEvery: 5, evalFraction: 0.2 },
      onProgress: (p) => progress.push(p),
    });
    expect(model.architecture).toEqual({
      type: 'mlp-lm',
      vocabSize: 300,
      contextSize: 4,
      embeddingSize: 8,
      hiddenSize: 16,
      hiddenLayers: 1,
      bagSize: 32,
      activation: 'tanh',
    });
    const first = progress[0];
    const last = progress.at(-1);
    expect(first?.loss).toBeGreaterThan(last?.loss ?? Infinity);
    expect(last).toEqual(
      expect.objectContaining({
        step: metrics.steps,
        totalSteps: metrics.steps,
        epoch: 3,
        evalLoss: metrics.evalLoss,
      }),
    );
    expect(progress.filter((p) => p.evalLoss !== undefined)).toHaveLength(3);
    expect(progress.every((p) => p.tokensPerSecond > 0 && p.learningRate > 0)).toBe(true);
    expect(metrics.evalPerplexity).toBeCloseTo(Math.exp(metrics.evalLoss ?? NaN), 6);
    expect(model.training).toEqual(
      expect.objectContaining({ method: 'continued-pretraining', steps: metrics.steps }),
    );
  });

  it('is deterministic given the seed', async () => {
    const a = await trainTinyModel(11);
    const b = await trainTinyModel(11);
    const c = await trainTinyModel(12);
    expect(b.weights.output.weight).toEqual(a.weights.output.weight);
    expect(c.weights.output.weight).not.toEqual(a.weights.output.weight);
  });

  it('stops at maxSteps', async () => {
    const { metrics } = await train({
      method: 'continued-pretraining',
      corpus,
      hyperparameters: { ...small, maxSteps: 7 },
    });
    expect(metrics.steps).toBe(7);
  });

  it('stops with TRAINING_ABORTED when the signal fires', async () => {
    const controller = new AbortController();
    const run = train({
      method: 'continued-pretraining',
      corpus,
      hyperparameters: { ...small, epochs: 1000, logEvery: 1 },
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'TRAINING_ABORTED' });
  });

  it('rejects bad hyperparameters with every issue, before any work', async () => {
    const run = train({ method: 'sft', corpus, hyperparameters: { learningRate: -1, epochs: 0 } });
    await expect(run).rejects.toMatchObject({
      code: 'INVALID_HYPERPARAMETERS',
      issues: [
        expect.objectContaining({ path: 'learningRate' }),
        expect.objectContaining({ path: 'epochs' }),
      ],
    });
  });

  it('needs a base for lora and dpo, and matching architecture fields on a base', async () => {
    await expect(train({ method: 'lora', corpus })).rejects.toMatchObject({ code: 'BASE_REQUIRED' });
    await expect(train({ method: 'dpo', corpus })).rejects.toMatchObject({ code: 'BASE_REQUIRED' });
    const base = await trainTinyModel();
    await expect(
      train({ method: 'sft', base, corpus, hyperparameters: { hiddenSize: 99, contextSize: 4 } }),
    ).rejects.toMatchObject({
      code: 'INVALID_HYPERPARAMETERS',
      issues: [expect.objectContaining({ path: 'hiddenSize' })],
    });
  });

  it('refuses data of the wrong kind for the method', async () => {
    const base = await trainTinyModel();
    const pair = { kind: 'preference' as const, prompt: 'Q', chosen: 'yes', rejected: 'no' };
    await expect(train({ method: 'sft', base, corpus: [pair] })).rejects.toBeInstanceOf(ModelRuntimeError);
    await expect(train({ method: 'dpo', base, corpus })).rejects.toMatchObject({
      code: 'INVALID_TRAINING_DATA',
    });
    await expect(train({ method: 'sft', base, corpus: [] })).rejects.toMatchObject({
      code: 'INVALID_TRAINING_DATA',
    });
  });
});
