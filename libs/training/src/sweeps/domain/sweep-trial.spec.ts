import { isTrialActive, TRIAL_STATUSES } from './sweep-trial';

describe('isTrialActive', () => {
  it('counts queued and running trials only', () => {
    expect(TRIAL_STATUSES.filter(isTrialActive)).toEqual(['queued', 'running']);
  });
});
