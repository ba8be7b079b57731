import type { NearDuplicateDetector, NearDuplicateParams } from '../dedup/near-duplicate-detector';
import { textRecord } from '../testing/step-test-records';
import { RecordWork } from './step-contract';
import { compileDedupNear, DedupNearStepSchema } from './dedup-near.step';

/** A stand-in detector: texts with the same first word are "near-duplicates". */
class FirstWordDetector implements NearDuplicateDetector {
  private readonly seen = new Map<string, string>();
  add(id: string, text: string): string | null {
    const key = text.split(' ')[0] ?? '';
    const earlier = this.seen.get(key);
    if (earlier !== undefined) return earlier;
    this.seen.set(key, id);
    return null;
  }
}

describe('dedup-near', () => {
  it('hands its parameters, defaults filled in, to the factory', () => {
    const params: NearDuplicateParams[] = [];
    compileDedupNear(DedupNearStepSchema.parse({ type: 'dedup-near', threshold: 0.9 }), (p) => {
      params.push(p);
      return new FirstWordDetector();
    });
    expect(params).toEqual([{ threshold: 0.9, numPerm: 128, ngram: 5 }]);
  });

  it('drops what the detector reports, annotating the original', () => {
    const step = compileDedupNear(
      DedupNearStepSchema.parse({ type: 'dedup-near' }),
      () => new FirstWordDetector(),
    );
    expect(step.apply(new RecordWork(textRecord('alpha one', 'a')))).toBeUndefined();
    const work = new RecordWork(textRecord('alpha two', 'b'));
    expect(step.apply(work)).toMatchObject({ reason: 'dedup:near', detail: 'near-duplicate of a' });
    expect(work.annotations.duplicateOf).toBe('a');
    expect(step.apply(new RecordWork(textRecord('beta', 'c')))).toBeUndefined();
  });

  it('validates its parameters', () => {
    expect(DedupNearStepSchema.safeParse({ type: 'dedup-near', threshold: 1.2 }).success).toBe(false);
    expect(DedupNearStepSchema.safeParse({ type: 'dedup-near', numPerm: 0 }).success).toBe(false);
  });
});
