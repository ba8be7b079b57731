import { learningRateAt, type LearningRateSchedule } from './learning-rate-schedule';

const schedule: LearningRateSchedule = {
  peak: 1,
  warmupSteps: 4,
  totalSteps: 105,
  kind: 'cosine',
  minRatio: 0.1,
};

describe('learningRateAt', () => {
  it('warms up linearly, never starting at zero', () => {
    expect([0, 1, 2, 3].map((step) => learningRateAt(step, schedule))).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(learningRateAt(4, schedule)).toBe(1);
  });

  it('decays to minRatio × peak at the last step, cosine or linear', () => {
    expect(learningRateAt(104, schedule)).toBeCloseTo(0.1, 10);
    expect(learningRateAt(54, schedule)).toBeCloseTo(0.55, 10);
    expect(learningRateAt(54, { ...schedule, kind: 'linear' })).toBeCloseTo(0.55, 10);
    expect(learningRateAt(29, { ...schedule, kind: 'linear' })).toBeCloseTo(0.775, 10);
    expect(learningRateAt(29, schedule)).toBeGreaterThan(0.775);
  });

  it('stays at the peak when constant', () => {
    expect(learningRateAt(100, { ...schedule, kind: 'constant' })).toBe(1);
  });
});
