import type { DatasetSplitRef } from '@llmops/contracts';
import { buildRunSpecFromPlan, type BuildRunSpecResult } from './build-run-spec-from-plan';
import type { KnownDatasetVersion, PlanFiring } from './plan-firing';
import { RunSpecTemplateSchema } from './run-spec-template';

const uuid = (n: number): string => `0190f5a8-7c3e-7d4a-9b1e-${n.toString().padStart(12, '0')}`;

const chatsV7: KnownDatasetVersion = {
  datasetId: uuid(1),
  datasetName: 'support-chats',
  versionId: uuid(107),
  version: 7,
};
const chatsV6: KnownDatasetVersion = { ...chatsV7, versionId: uuid(106), version: 6 };
const evalV2: KnownDatasetVersion = {
  datasetId: uuid(2),
  datasetName: 'golden-eval',
  versionId: uuid(202),
  version: 2,
};
const feedbackV4: DatasetSplitRef = { datasetId: uuid(3), versionId: uuid(304), version: 4, split: 'train' };

const template = (input: Record<string, unknown>) => RunSpecTemplateSchema.parse(input);
const fired = (datasetVersion: KnownDatasetVersion): PlanFiring => ({
  kind: 'dataset-version',
  datasetVersion,
});
const ref = (
  v: Pick<DatasetSplitRef, 'datasetId' | 'versionId' | 'version'>,
  split: DatasetSplitRef['split'],
) => ({
  datasetId: v.datasetId,
  versionId: v.versionId,
  version: v.version,
  split,
});
const datasetsOf = (result: BuildRunSpecResult): DatasetSplitRef[] => {
  if (!result.ok) throw new Error(`${result.code}: ${result.detail}`);
  return result.runSpec.datasets;
};

describe('buildRunSpecFromPlan', () => {
  it('trains on the firing version’s train split when the template lists no datasets', () => {
    const result = buildRunSpecFromPlan(
      template({ method: 'lora', hyperparameters: { epochs: 2 } }),
      fired(chatsV7),
    );
    expect(result).toEqual({
      ok: true,
      runSpec: { method: 'lora', hyperparameters: { epochs: 2 }, datasets: [ref(chatsV7, 'train')] },
    });
  });

  it('substitutes the firing version into latest entries, by name or id, keeping their splits', () => {
    const spec = template({
      datasets: [
        { datasetName: 'support-chats', version: 'latest' },
        { datasetId: chatsV7.datasetId, version: 'latest', split: 'validation' },
      ],
    });
    expect(datasetsOf(buildRunSpecFromPlan(spec, fired(chatsV7)))).toEqual([
      ref(chatsV7, 'train'),
      ref(chatsV7, 'validation'),
    ]);
  });

  it('keeps pinned entries, even of the firing dataset, and adds nothing for a pinned dataset', () => {
    const spec = template({ datasets: [ref(chatsV6, 'train'), ref(evalV2, 'test')] });
    expect(datasetsOf(buildRunSpecFromPlan(spec, fired(chatsV7)))).toEqual([
      ref(chatsV6, 'train'),
      ref(evalV2, 'test'),
    ]);
  });

  it('adds the firing version as train data when the template does not mention its dataset', () => {
    const spec = template({ datasets: [ref(evalV2, 'validation')] });
    expect(datasetsOf(buildRunSpecFromPlan(spec, fired(chatsV7)))).toEqual([
      ref(evalV2, 'validation'),
      ref(chatsV7, 'train'),
    ]);
  });

  it('resolves other latest entries from the caller’s newest known versions', () => {
    const spec = template({
      datasets: [
        { datasetName: 'support-chats', version: 'latest' },
        { datasetName: 'golden-eval', version: 'latest', split: 'test' },
      ],
    });
    const result = buildRunSpecFromPlan(spec, fired(chatsV7), [
      chatsV6,
      evalV2,
      { ...evalV2, versionId: uuid(201), version: 1 },
    ]);
    expect(datasetsOf(result)).toEqual([ref(chatsV7, 'train'), ref(evalV2, 'test')]);
  });

  it('prefers the firing version to the catalogue’s', () => {
    const spec = template({ datasets: [{ datasetName: 'support-chats', version: 'latest' }] });
    expect(datasetsOf(buildRunSpecFromPlan(spec, fired(chatsV6), [chatsV7]))).toEqual([
      ref(chatsV6, 'train'),
    ]);
  });

  it('reports a latest entry nobody knows a version of, with its path', () => {
    const spec = template({
      datasets: [ref(evalV2, 'test'), { datasetName: 'golden-eval-2', version: 'latest' }],
    });
    expect(buildRunSpecFromPlan(spec, fired(chatsV7))).toEqual({
      ok: false,
      code: 'PLAN_DATASET_UNRESOLVED',
      detail: "no version of dataset 'golden-eval-2' is known",
      path: 'datasets.1',
    });
  });

  describe('scheduled firings', () => {
    it('use the newest known versions', () => {
      const spec = template({ datasets: [{ datasetName: 'support-chats', version: 'latest' }] });
      expect(datasetsOf(buildRunSpecFromPlan(spec, { kind: 'schedule' }, [chatsV6, chatsV7]))).toEqual([
        ref(chatsV7, 'train'),
      ]);
    });

    it('cannot start a run without any dataset', () => {
      expect(buildRunSpecFromPlan(template({}), { kind: 'schedule' })).toEqual({
        ok: false,
        code: 'PLAN_NO_DATASETS',
        detail: 'the template lists no datasets and the firing brings none',
        path: 'datasets',
      });
    });
  });

  describe('retraining firings', () => {
    const retraining = (...suggestedDatasets: DatasetSplitRef[]): PlanFiring => ({
      kind: 'retraining-requested',
      suggestedDatasets,
    });

    it('add the suggested datasets the template does not mention, with their splits', () => {
      const spec = template({ datasets: [{ datasetName: 'support-chats', version: 'latest' }] });
      expect(datasetsOf(buildRunSpecFromPlan(spec, retraining(feedbackV4), [chatsV7]))).toEqual([
        ref(chatsV7, 'train'),
        feedbackV4,
      ]);
    });

    it('substitute a suggested version into a latest entry of its dataset', () => {
      const spec = template({
        datasets: [{ datasetId: feedbackV4.datasetId, version: 'latest', split: 'all' }],
      });
      expect(datasetsOf(buildRunSpecFromPlan(spec, retraining(feedbackV4)))).toEqual([
        ref(feedbackV4, 'all'),
      ]);
    });

    it('match a suggestion to a latest entry by name through the known versions', () => {
      const feedbackV3: KnownDatasetVersion = {
        datasetId: feedbackV4.datasetId,
        datasetName: 'feedback',
        versionId: uuid(303),
        version: 3,
      };
      const spec = template({ datasets: [{ datasetName: 'feedback', version: 'latest' }] });
      expect(datasetsOf(buildRunSpecFromPlan(spec, retraining(feedbackV4), [feedbackV3]))).toEqual([
        ref(feedbackV4, 'train'),
      ]);
    });

    it('train on the suggestions alone when the template is empty', () => {
      expect(datasetsOf(buildRunSpecFromPlan(template({}), retraining(feedbackV4)))).toEqual([feedbackV4]);
    });
  });

  it('drops repeats of the same version and split, keeping the first', () => {
    const spec = template({
      datasets: [ref(chatsV7, 'train'), { datasetName: 'support-chats', version: 'latest' }],
    });
    expect(datasetsOf(buildRunSpecFromPlan(spec, fired(chatsV7)))).toEqual([ref(chatsV7, 'train')]);
  });

  it('copies the template deeply, so changing the run spec leaves the plan alone', () => {
    const spec = template({ hyperparameters: { epochs: 2 } });
    const result = buildRunSpecFromPlan(spec, fired(chatsV7));
    if (!result.ok) throw new Error(result.code);
    (result.runSpec.hyperparameters as { epochs: number }).epochs = 9;
    expect(spec).toEqual({ hyperparameters: { epochs: 2 }, datasets: [] });
  });
});
