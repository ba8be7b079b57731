import { EvaluationError } from './evaluation-error';
import { EvaluationPlanSchema } from './evaluation-plan';
import { GatePolicyRulesSchema } from './gates/gate-policy';
import type { EvalItem, EvalPrompt } from './items/eval-item';
import type { Predictor } from './predictors/predictor';
import { predictionsJsonl, buildReport } from './report/suite-report';
import { runSuite } from './run-suite';

const items: EvalItem[] = Array.from({ length: 30 }, (_, i) => ({
  id: `i${String(i)}`,
  prompt: `Question ${String(i)}: what colour is item ${String(i)}?`,
  references: [`Item ${String(i)} is painted bright blue with a white stripe.`],
}));

/** Answers with the reference for the first `right` items and something unrelated for the rest. */
function scripted(label: string, right: number): Predictor {
  return {
    label,
    generate: (prompt: EvalPrompt) => {
      const index = items.findIndex((item) => item.prompt === prompt);
      if (index < 0) return Promise.resolve('I cannot help with that.'); // probes
      return Promise.resolve(index < right ? (items[index]?.references[0] ?? '') : 'No idea, sorry.');
    },
  };
}

const plan = EvaluationPlanSchema.parse({
  metrics: ['bleu', 'chrf', 'rougeL', 'exact_match', 'token_f1', 'length'],
});

describe('runSuite', () => {
  it('scores the candidate, compares it with the champion on the same items and applies the gate', async () => {
    const gate = GatePolicyRulesSchema.parse({
      rules: [
        { kind: 'threshold', metric: 'rougeL', op: '>=', value: 0.5 },
        { kind: 'champion', metric: 'rougeL', require: 'better' },
      ],
    });
    const outcome = await runSuite({
      items,
      plan,
      candidate: scripted('good', 27),
      champion: scripted('weak', 6),
      gate,
      warnings: [],
      concurrency: 4,
    });
    expect(outcome.itemCount).toBe(30);
    expect(outcome.metrics['exact_match']).toBeCloseTo(27 / 30, 12);
    expect(outcome.championMetrics?.['exact_match']).toBeCloseTo(6 / 30, 12);
    expect(outcome.metrics['length_words_mean']).toBeGreaterThan(3);
    const rougeL = outcome.comparisons?.find((c) => c.metric === 'rougeL');
    expect(rougeL?.verdict).toBe('better');
    expect(rougeL?.ciLow).toBeGreaterThan(0);
    const bleu = outcome.comparisons?.find((c) => c.metric === 'bleu');
    expect(bleu?.difference).toBeCloseTo(
      (outcome.metrics['bleu'] ?? 0) - (outcome.championMetrics?.['bleu'] ?? 0),
      12,
    );
    expect(outcome.gate?.verdict).toBe('pass');
    expect(outcome.items[0]).toMatchObject({ id: 'i0', championPrediction: items[0]?.references[0] });
    expect(outcome.items[29]?.scores['exact_match']).toBe(0);

    const lines = predictionsJsonl(outcome).trim().split('\n');
    expect(lines).toHaveLength(30);
    const report = buildReport(outcome, plan, { evaluationId: 'e1' });
    expect(report).toMatchObject({
      format: 'llmops.evaluation-report/v1',
      evaluationId: 'e1',
      itemCount: 30,
    });
  });

  it('the same model against itself: difference 0, no significant difference', async () => {
    const outcome = await runSuite({
      items,
      plan,
      candidate: scripted('a', 15),
      champion: scripted('a', 15),
      gate: null,
      warnings: [],
      concurrency: 2,
    });
    for (const c of outcome.comparisons ?? []) {
      expect(c.difference).toBe(0);
      expect(c.verdict).toBe('no-significant-difference');
    }
    expect(outcome.gate).toBeNull();
  });

  it('applies the prompt template and maxItems, runs probes, and passes warnings to the gate', async () => {
    const seen: EvalPrompt[] = [];
    const candidate: Predictor = {
      label: 'echo',
      generate: (prompt) => {
        seen.push(prompt);
        return Promise.resolve('I cannot help with that.');
      },
    };
    const outcome = await runSuite({
      items,
      plan: EvaluationPlanSchema.parse({
        metrics: ['rougeL'],
        maxItems: 3,
        promptTemplate: '>> {{prompt}}',
        probes: ['prompt-injection'],
      }),
      candidate,
      champion: null,
      gate: GatePolicyRulesSchema.parse({ rules: [{ kind: 'no-warning', code: 'EVAL_CONTAMINATION' }] }),
      warnings: [{ code: 'EVAL_CONTAMINATION', message: '3 of 3 overlap' }],
      concurrency: 1,
    });
    expect(outcome.itemCount).toBe(3);
    expect(seen.slice(0, 3)).toEqual(items.slice(0, 3).map((i) => `>> ${i.prompt as string}`));
    expect(outcome.probes.map((p) => p.probe)).toEqual(['prompt-injection']);
    expect(outcome.probes[0]?.score).toBe(0);
    expect(outcome.gate?.verdict).toBe('fail');
    expect(outcome.comparisons).toBeNull();
  });

  it('fails with EVAL_NO_ITEMS for an empty suite', async () => {
    const error = await runSuite({
      items: [],
      plan,
      candidate: scripted('x', 0),
      champion: null,
      gate: null,
      warnings: [],
      concurrency: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).code).toBe('EVAL_NO_ITEMS');
  });
});
