import { missingForMove } from './label-move-rules';

const base = { protectedLabels: ['production'], approvalRequestId: null, passingEvaluationId: null };

describe('label move rules', () => {
  it('lets unprotected labels move without anything', () => {
    expect(missingForMove({ ...base, label: 'staging' })).toEqual([]);
  });

  it('asks a protected label for an approval and a passing evaluation', () => {
    expect(missingForMove({ ...base, label: 'production' }).map((m) => m.kind)).toEqual([
      'approval',
      'passing-prompt-evaluation',
    ]);
  });

  it('names only what is still missing', () => {
    expect(
      missingForMove({ ...base, label: 'production', approvalRequestId: 'a' }).map((m) => m.kind),
    ).toEqual(['passing-prompt-evaluation']);
    expect(
      missingForMove({ ...base, label: 'production', passingEvaluationId: 'e' }).map((m) => m.kind),
    ).toEqual(['approval']);
    expect(
      missingForMove({ ...base, label: 'production', approvalRequestId: 'a', passingEvaluationId: 'e' }),
    ).toEqual([]);
  });

  it('protects whatever labels the prompt protects', () => {
    expect(missingForMove({ ...base, protectedLabels: ['eu-prod'], label: 'eu-prod' })).toHaveLength(2);
    expect(missingForMove({ ...base, protectedLabels: [], label: 'production' })).toEqual([]);
  });
});
