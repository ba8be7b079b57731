import { DEFAULT_PLAN_COOLDOWN_SECONDS, PlanCooldownSecondsSchema, PlanTriggerSchema } from './plan-trigger';

const DATASET_ID = '0190f5a8-7c3e-7d4a-9b1e-2f3a4b5c6d7e';

const pathsOf = (input: unknown): string[] => {
  const result = PlanTriggerSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('PlanTriggerSchema', () => {
  it.each([
    { kind: 'dataset-version', datasetName: 'support-chats' },
    { kind: 'dataset-version', datasetId: DATASET_ID, minTrainRecords: 1000 },
    { kind: 'dataset-version', datasetName: 'support-chats', datasetId: DATASET_ID },
    { kind: 'retraining-requested', modelName: 'support-assistant' },
    { kind: 'schedule', everySeconds: 60 },
  ])('accepts %j', (trigger) => {
    expect(PlanTriggerSchema.parse(trigger)).toEqual(trigger);
  });

  it.each([
    ['a dataset trigger without a dataset', { kind: 'dataset-version' }, 'datasetName'],
    ['a dataset id that is no uuid', { kind: 'dataset-version', datasetId: 'nope' }, 'datasetId'],
    [
      'a negative minimum',
      { kind: 'dataset-version', datasetName: 'x', minTrainRecords: -1 },
      'minTrainRecords',
    ],
    ['a retraining trigger without a model', { kind: 'retraining-requested' }, 'modelName'],
    ['a schedule under a minute', { kind: 'schedule', everySeconds: 59 }, 'everySeconds'],
    ['a fractional period', { kind: 'schedule', everySeconds: 90.5 }, 'everySeconds'],
    ['an unknown kind', { kind: 'webhook' }, 'kind'],
    ['an unknown key', { kind: 'schedule', everySeconds: 60, cron: '* * * * *' }, ''],
  ])('refuses %s, naming the path', (_, trigger, path) => {
    expect(pathsOf(trigger)).toEqual([path]);
  });
});

describe('PlanCooldownSecondsSchema', () => {
  it('defaults to an hour and accepts 0 (guard off)', () => {
    expect(PlanCooldownSecondsSchema.parse(undefined)).toBe(DEFAULT_PLAN_COOLDOWN_SECONDS);
    expect(DEFAULT_PLAN_COOLDOWN_SECONDS).toBe(3600);
    expect(PlanCooldownSecondsSchema.parse(0)).toBe(0);
    expect(PlanCooldownSecondsSchema.safeParse(-1).success).toBe(false);
    expect(PlanCooldownSecondsSchema.safeParse(1.5).success).toBe(false);
  });
});
