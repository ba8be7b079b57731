import { SweepSpecSchema } from './sweep-spec';
import { trialBudget } from './trial-budget';

const spec = (kind: 'grid' | 'random', maxTrials: number) =>
  SweepSpecSchema.parse({
    search: {
      kind,
      space: { a: { values: [1, 2, 3] }, b: { values: [true, false] } },
      maxTrials,
      parallelism: 1,
    },
    objective: { metric: 'eval_loss', direction: 'minimize', source: 'run' },
  });

describe('trialBudget', () => {
  it('is maxTrials, or the grid size when the grid is smaller', () => {
    expect(trialBudget(spec('grid', 4))).toBe(4);
    expect(trialBudget(spec('grid', 50))).toBe(6);
    expect(trialBudget(spec('random', 50))).toBe(50);
  });
});
