import { supportDemoCorpus } from '../corpus/support-qa';
import { loadBuiltinBase } from './builtin/builtin-bases';
import { exampleText } from './data/example-text';
import type { TrainingExample } from './data/training-example';
import { logProb } from './inference/log-prob';
import { perplexity } from './inference/perplexity';
import type { LoadedModel } from './model/loaded-model';
import { train } from './training/train';

// The product requirement: fine-tuning the builtin base on in-domain data measurably lowers in-domain
// perplexity on held-out examples (questions never trained on), for each method.
const support = supportDemoCorpus();
const heldOutTexts = support.heldOut.map(exampleText);
// One epoch keeps the suite fast; the margins below hold with room to spare (measured in bench/training).
const quick = { epochs: 1, evalFraction: 0 };
// Generous: the host running the suite may be shared.
const SLOW = 30_000;

let base: LoadedModel;
let basePerplexity: number;
beforeAll(async () => {
  base = await loadBuiltinBase('tiny-mlp-en');
  basePerplexity = perplexity(base, heldOutTexts).perplexity;
}, 60_000);

/** Mean over pairs of log p(chosen) − log p(rejected), each completion followed by EOS. */
function meanMargin(model: LoadedModel, pairs: readonly TrainingExample[]): number {
  let total = 0;
  for (const pair of pairs) {
    if (pair.kind !== 'preference' || typeof pair.prompt !== 'string')
      throw new Error('expected text preference pairs');
    total +=
      logProb(model, pair.prompt, pair.chosen, { includeEos: true }).logProb -
      logProb(model, pair.prompt, pair.rejected, { includeEos: true }).logProb;
  }
  return total / pairs.length;
}

describe('fine-tuning the builtin base on the support demo corpus', () => {
  it(
    'sft lowers held-out in-domain perplexity by at least 25%',
    async () => {
      const { model } = await train({ method: 'sft', base, corpus: support.train, hyperparameters: quick });
      expect(perplexity(model, heldOutTexts).perplexity).toBeLessThan(0.75 * basePerplexity);
    },
    SLOW,
  );

  it(
    'continued pre-training on the same texts lowers it by at least 25%',
    async () => {
      const corpus = support.train.map((example) => ({ kind: 'text' as const, text: exampleText(example) }));
      const { model } = await train({
        method: 'continued-pretraining',
        base,
        corpus,
        hyperparameters: quick,
      });
      expect(perplexity(model, heldOutTexts).perplexity).toBeLessThan(0.75 * basePerplexity);
    },
    SLOW,
  );

  it(
    'lora lowers it by at least 10% while leaving the base untouched',
    async () => {
      const before = base.weights.output.weight.slice();
      const { model } = await train({ method: 'lora', base, corpus: support.train, hyperparameters: quick });
      expect(perplexity(model, heldOutTexts).perplexity).toBeLessThan(0.9 * basePerplexity);
      expect(base.weights.output.weight).toEqual(before);
      expect(model.adapter?.lora.layers.map((layer) => layer.layer)).toEqual(['hidden.0', 'output']);
    },
    SLOW,
  );

  it(
    'dpo widens the margin of chosen over rejected answers, on held-out pairs too',
    async () => {
      const { model, metrics } = await train({
        method: 'dpo',
        base,
        corpus: support.preferences,
        hyperparameters: quick,
      });
      expect(meanMargin(model, support.preferences)).toBeGreaterThan(
        meanMargin(base, support.preferences) + 3,
      );
      expect(meanMargin(model, support.heldOutPreferences)).toBeGreaterThan(
        meanMargin(base, support.heldOutPreferences),
      );
      expect(metrics.rewardAccuracy).toBeGreaterThan(0.8);
    },
    SLOW,
  );
});
