import type { DatasetVersionCreatedV1 } from '@llmops/contracts';
import { matchesDatasetVersion } from './matches-dataset-version';
import type { PlanTrigger } from './plan-trigger';

const ID = '0190f5a8-7c3e-7d4a-9b1e-2f3a4b5c6d7e';
const OTHER_ID = '0190f5a8-7c3e-7d4a-9b1e-000000000000';
const version = { datasetId: ID, datasetName: 'support-chats', counts: { train: 800 } };

describe('matchesDatasetVersion', () => {
  it('matches by name, by id, or by both', () => {
    expect(matchesDatasetVersion({ kind: 'dataset-version', datasetName: 'support-chats' }, version)).toBe(
      true,
    );
    expect(matchesDatasetVersion({ kind: 'dataset-version', datasetId: ID }, version)).toBe(true);
    expect(
      matchesDatasetVersion(
        { kind: 'dataset-version', datasetName: 'support-chats', datasetId: ID },
        version,
      ),
    ).toBe(true);
  });

  it('needs every selector given to match', () => {
    expect(matchesDatasetVersion({ kind: 'dataset-version', datasetName: 'other' }, version)).toBe(false);
    expect(matchesDatasetVersion({ kind: 'dataset-version', datasetId: OTHER_ID }, version)).toBe(false);
    expect(
      matchesDatasetVersion(
        { kind: 'dataset-version', datasetName: 'support-chats', datasetId: OTHER_ID },
        version,
      ),
    ).toBe(false);
  });

  it('needs at least minTrainRecords train records (the minimum itself is enough)', () => {
    const trigger = (minTrainRecords: number): PlanTrigger => ({
      kind: 'dataset-version',
      datasetId: ID,
      minTrainRecords,
    });
    expect(matchesDatasetVersion(trigger(800), version)).toBe(true);
    expect(matchesDatasetVersion(trigger(801), version)).toBe(false);
    expect(matchesDatasetVersion(trigger(0), { ...version, counts: { train: 0 } })).toBe(true);
  });

  it('never matches other kinds of trigger', () => {
    expect(matchesDatasetVersion({ kind: 'schedule', everySeconds: 60 }, version)).toBe(false);
    expect(matchesDatasetVersion({ kind: 'retraining-requested', modelName: 'support-chats' }, version)).toBe(
      false,
    );
  });

  it('takes the dataset-version-created event as it comes', () => {
    const check = (event: DatasetVersionCreatedV1): boolean =>
      matchesDatasetVersion({ kind: 'dataset-version', datasetId: ID }, event);
    expect(typeof check).toBe('function');
  });
});
