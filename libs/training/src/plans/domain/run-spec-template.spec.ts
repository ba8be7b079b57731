import { latestDatasetRefs, RunSpecTemplateSchema } from './run-spec-template';

const DATASET_ID = '0190f5a8-7c3e-7d4a-9b1e-2f3a4b5c6d7e';
const VERSION_ID = '0190f5a8-7c3e-7d4a-9b1e-00000000000a';
const pinned = { datasetId: DATASET_ID, versionId: VERSION_ID, version: 3, split: 'validation' };

const pathsOf = (input: unknown): string[] => {
  const result = RunSpecTemplateSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('RunSpecTemplateSchema', () => {
  it('keeps pinned entries, defaults the split of latest ones and passes every other key through', () => {
    const template = RunSpecTemplateSchema.parse({
      baseModel: { name: 'llama-3.2-1b' },
      hyperparameters: { learning_rate: 2e-4, epochs: 3 },
      datasets: [pinned, { datasetName: 'support-chats', version: 'latest' }],
    });
    expect(template).toEqual({
      baseModel: { name: 'llama-3.2-1b' },
      hyperparameters: { learning_rate: 2e-4, epochs: 3 },
      datasets: [pinned, { datasetName: 'support-chats', version: 'latest', split: 'train' }],
    });
  });

  it('defaults datasets to an empty list', () => {
    expect(RunSpecTemplateSchema.parse({ method: 'lora' })).toEqual({ method: 'lora', datasets: [] });
  });

  it.each([
    ['a latest entry without a dataset', { datasets: [{ version: 'latest' }] }, ['datasets.0.datasetName']],
    [
      'a latest entry with an unknown split',
      { datasets: [{ datasetName: 'x', version: 'latest', split: 'dev' }] },
      ['datasets.0'],
    ],
    [
      'a version named neither by number nor latest',
      { datasets: [{ datasetName: 'x', version: 'newest' }] },
      ['datasets.0'],
    ],
    ['a value JSON cannot carry', { datasets: [], seed: Number.NaN }, ['seed']],
  ])('refuses %s, naming the path', (_, input, paths) => {
    expect(pathsOf(input)).toEqual(paths);
  });
});

describe('latestDatasetRefs', () => {
  it('lists the entries that follow the newest version', () => {
    const template = RunSpecTemplateSchema.parse({
      datasets: [pinned, { datasetName: 'support-chats', version: 'latest', split: 'test' }],
    });
    expect(latestDatasetRefs(template)).toEqual([
      { datasetName: 'support-chats', version: 'latest', split: 'test' },
    ]);
  });
});
