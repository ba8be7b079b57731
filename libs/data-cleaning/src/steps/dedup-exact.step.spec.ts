import { textRecord } from '../testing/step-test-records';
import { RecordWork } from './step-contract';
import { compileDedupExact, DedupExactStepSchema } from './dedup-exact.step';

function dedup(params: Record<string, unknown> = {}) {
  const step = compileDedupExact(DedupExactStepSchema.parse({ type: 'dedup-exact', ...params }));
  /** Runs one record; commits it when kept, as the pipeline does. */
  return (text: string) => {
    const verdict = step.apply(new RecordWork(textRecord(text)));
    if (!verdict) step.commit?.();
    return verdict?.reason ?? 'kept';
  };
}

describe('dedup-exact', () => {
  it('keeps the first copy and drops later ones that differ only in case, spacing or punctuation', () => {
    const seen = dedup();
    expect(seen('Breaking: Storm hits the coast.')).toBe('kept');
    expect(seen('breaking storm hits the coast')).toBe('dedup:exact');
    expect(seen('  BREAKING —  Storm hits the coast!!  ')).toBe('dedup:exact');
    expect(seen('Breaking: Storm hits the north coast.')).toBe('kept');
  });

  it('compares raw text when every normalisation is off', () => {
    const seen = dedup({ nfkc: false, lowercase: false, stripPunctuation: false, collapseWhitespace: false });
    expect(seen('Same text.')).toBe('kept');
    expect(seen('same text.')).toBe('kept');
    expect(seen('Same text.')).toBe('dedup:exact');
  });

  it('does not remember a record the pipeline did not keep', () => {
    const step = compileDedupExact(DedupExactStepSchema.parse({ type: 'dedup-exact' }));
    expect(step.apply(new RecordWork(textRecord('dropped later by another step')))).toBeUndefined();
    // no commit: a later step dropped it
    expect(step.apply(new RecordWork(textRecord('dropped later by another step')))).toBeUndefined();
    step.commit?.();
    expect(step.apply(new RecordWork(textRecord('dropped later by another step')))).toMatchObject({
      reason: 'dedup:exact',
    });
  });
});
