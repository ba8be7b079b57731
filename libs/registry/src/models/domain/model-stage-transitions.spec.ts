import { MODEL_STAGES } from '@llmops/contracts';
import { allowedTargetStages, isGatedStage, isTransitionAllowed } from './model-stage-transitions';

describe('model stage transitions', () => {
  it('follows the lifecycle order, with the documented extra moves', () => {
    expect(allowedTargetStages('registered')).toEqual(['candidate', 'staging', 'archived']);
    expect(allowedTargetStages('candidate')).toEqual(['staging', 'archived']);
    expect(allowedTargetStages('staging')).toEqual(['production', 'candidate', 'archived']);
    expect(allowedTargetStages('production')).toEqual(['deprecated']);
    expect(allowedTargetStages('deprecated')).toEqual(['production', 'archived']);
  });

  it('makes archived final and never archives production directly', () => {
    expect(allowedTargetStages('archived')).toEqual([]);
    expect(isTransitionAllowed('production', 'archived')).toBe(false);
    expect(isTransitionAllowed('registered', 'production')).toBe(false);
  });

  it('never allows staying in the same stage', () => {
    for (const stage of MODEL_STAGES) expect(isTransitionAllowed(stage, stage)).toBe(false);
  });

  it('hands callers a copy, so nobody can widen the graph', () => {
    allowedTargetStages('production').push('archived');
    expect(isTransitionAllowed('production', 'archived')).toBe(false);
  });

  it('gates only staging and production', () => {
    expect(MODEL_STAGES.filter(isGatedStage)).toEqual(['staging', 'production']);
  });
});
