import { generalEnglishParagraphs } from '../../corpus/general-english';
import type { LoadedModel } from '../model/loaded-model';
import { train } from '../training/train';

/** A deliberately small model trained in well under a second, for specs that need any real model. */
export async function trainTinyModel(seed = 7): Promise<LoadedModel> {
  const { model } = await train({
    method: 'continued-pretraining',
    name: 'tiny-test-model',
    corpus: generalEnglishParagraphs()
      .slice(0, 12)
      .map((text) => ({ kind: 'text', text })),
    hyperparameters: {
      vocabSize: 300,
      contextSize: 4,
      embeddingSize: 8,
      hiddenSize: 16,
      epochs: 2,
      learningRate: 0.02,
      warmupSteps: 5,
      evalFraction: 0,
      seed,
    },
  });
  return model;
}
