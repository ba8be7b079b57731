import { EvaluationError } from '../evaluation-error';
import { EvaluationPlanSchema } from '../evaluation-plan';
import type { EvalItem } from '../items/eval-item';
import type { Predictor } from '../predictors/predictor';
import { runSuite } from '../run-suite';
import { judgeAnswers, judgePrompt } from './llm-judge';

const items: EvalItem[] = [
  { id: 'a', prompt: 'Capital of France?', references: ['Paris'] },
  { id: 'b', prompt: 'Capital of Spain?', references: ['Madrid'] },
];

/** A judge that gives 9 to answers containing the reference and 2 otherwise, after some reasoning. */
const judge: Predictor = {
  label: 'judge',
  generate: (prompt) => {
    const text = prompt as string;
    const reference = /Reference answer:\n(.*)\n/.exec(text)?.[1] ?? '';
    const answer = /Assistant's answer:\n(.*)\n/.exec(text)?.[1] ?? '';
    return Promise.resolve(
      `The answer is ${answer.includes(reference) ? 'right' : 'wrong'}.\nScore: ${answer.includes(reference) ? '9' : '2'}/10`,
    );
  },
};

describe('LLM-as-judge', () => {
  it('asks with the rubric, question, reference and answer, and reads "Score: N"', async () => {
    const prompt = judgePrompt('Be strict.', items[0] as EvalItem, 'It is Paris.');
    expect(prompt).toContain('Be strict.');
    expect(prompt).toContain('Question:\nCapital of France?');
    expect(prompt).toContain('Reference answer:\nParis');
    await expect(
      judgeAnswers(judge, 'Be strict.', items, ['It is Paris.', 'Lisbon'], { concurrency: 2 }),
    ).resolves.toEqual([9, 2]);
  });

  it('a reply without a score fails the evaluation with EVAL_JUDGE_FAILED', async () => {
    const vague: Predictor = { label: 'vague', generate: () => Promise.resolve('Looks fine to me.') };
    const error = await judgeAnswers(vague, 'r', items, ['x', 'y'], { concurrency: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).code).toBe('EVAL_JUDGE_FAILED');
    expect((error as EvaluationError).message).toContain('item a');
  });

  it('runSuite reports judge_score and compares it with the champion', async () => {
    const answer = (right: boolean): Predictor => ({
      label: String(right),
      generate: (prompt) =>
        Promise.resolve(right ? (items.find((i) => i.prompt === prompt)?.references[0] ?? '') : 'Rome'),
    });
    const outcome = await runSuite({
      items,
      plan: EvaluationPlanSchema.parse({
        metrics: ['exact_match'],
        judge: { baseUrl: 'http://judge.invalid/v1', model: 'grader', rubric: 'Correct capital.' },
      }),
      candidate: answer(true),
      champion: answer(false),
      gate: null,
      warnings: [],
      concurrency: 2,
      judge,
    });
    expect(outcome.metrics['judge_score']).toBe(9);
    expect(outcome.championMetrics?.['judge_score']).toBe(2);
    expect(outcome.comparisons?.find((c) => c.metric === 'judge_score')?.difference).toBe(7);
    expect(outcome.items[0]?.scores['judge_score']).toBe(9);
  });
});
