import { SweepSpecSchema } from './sweep-spec';

const valid = {
  search: {
    kind: 'random',
    space: {
      learning_rate: { min: 1e-5, max: 1e-3, scale: 'log' },
      lora_rank: { values: [8, 16, 32] },
      epochs: { min: 1, max: 4, integer: true },
    },
    maxTrials: 20,
    parallelism: 4,
    seed: 7,
  },
  objective: { metric: 'eval_loss', direction: 'minimize', source: 'run' },
  earlyStopping: { kind: 'median', minSteps: 100, minTrialsCompleted: 3 },
};

const pathsOf = (input: unknown): string[] => {
  const result = SweepSpecSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

const withSearch = (search: Record<string, unknown>) => ({
  ...valid,
  search: { ...valid.search, ...search },
});

describe('SweepSpecSchema', () => {
  it('accepts a full spec and fills the documented defaults', () => {
    const spec = SweepSpecSchema.parse(valid);
    expect(spec.search.space.learning_rate).toEqual({ min: 1e-5, max: 1e-3, scale: 'log', integer: false });
    expect(spec.search.space.epochs).toEqual({ min: 1, max: 4, scale: 'linear', integer: true });
    expect(SweepSpecSchema.parse(withSearch({ seed: undefined })).search.seed).toBe(0);
    expect(SweepSpecSchema.parse({ ...valid, earlyStopping: undefined }).earlyStopping).toBeUndefined();
  });

  it('accepts an evaluation metric as objective, naming the suite', () => {
    const objective = { metric: 'rougeL', direction: 'maximize', source: 'evaluation', suite: 'support-qa' };
    const parsed = SweepSpecSchema.parse({ ...valid, objective, earlyStopping: undefined });
    expect(parsed.objective).toMatchObject({ metric: 'rougeL', suite: 'support-qa' });
    expect(
      pathsOf({ ...valid, objective: { ...objective, suite: undefined }, earlyStopping: undefined }),
    ).toEqual(['objective.suite']);
  });

  it.each([
    ['a range with max below min', { lr: { min: 1, max: 0.1 } }, 'search.space.lr.max'],
    ['a log range reaching 0', { lr: { min: 0, max: 1, scale: 'log' } }, 'search.space.lr.min'],
    [
      'an integer range without an integer',
      { n: { min: 1.2, max: 1.8, integer: true } },
      'search.space.n.max',
    ],
    ['an empty list', { opt: { values: [] } }, 'search.space.opt.values'],
    ['a repeated value', { opt: { values: ['a', 'a'] } }, 'search.space.opt.values'],
    ['a list mixed with a range', { opt: { values: [1], min: 0 } }, 'search.space.opt'],
    ['half a range', { lr: { min: 0 } }, 'search.space.lr'],
    ['a bad name', { 'has space': { values: [1] } }, 'search.space.has space'],
    ['an empty space', {}, 'search.space'],
  ])('names the path of %s', (_, space, path) => {
    expect(pathsOf(withSearch({ space }))).toEqual([path]);
  });

  it('refuses a continuous range in a grid, naming the parameter', () => {
    expect(pathsOf(withSearch({ kind: 'grid' }))).toEqual(['search.space.learning_rate']);
  });

  it('accepts a grid of lists and integer ranges larger than maxTrials (it is truncated)', () => {
    const grid = withSearch({
      kind: 'grid',
      space: { lora_rank: { values: [8, 16, 32] }, epochs: { min: 1, max: 4, integer: true } },
      maxTrials: 5,
    });
    expect(SweepSpecSchema.safeParse(grid).success).toBe(true);
  });

  it.each([
    [{ parallelism: 0 }, 'search.parallelism'],
    [{ maxTrials: 0 }, 'search.maxTrials'],
    [{ seed: -1 }, 'search.seed'],
    [{ kind: 'bayes' }, 'search.kind'],
  ])('refuses %j', (search, path) => {
    expect(pathsOf(withSearch(search))).toEqual([path]);
  });

  it('refuses early stopping on an objective only the evaluation reports', () => {
    const spec = {
      ...valid,
      objective: { metric: 'rougeL', direction: 'maximize', source: 'evaluation', suite: 'support-qa' },
    };
    expect(pathsOf(spec)).toEqual(['earlyStopping']);
  });

  it('refuses unknown keys and bad early-stopping settings', () => {
    expect(pathsOf({ ...valid, extra: 1 })).toEqual(['']);
    expect(
      pathsOf({ ...valid, earlyStopping: { kind: 'median', minSteps: 10, minTrialsCompleted: 0 } }),
    ).toEqual(['earlyStopping.minTrialsCompleted']);
  });
});
