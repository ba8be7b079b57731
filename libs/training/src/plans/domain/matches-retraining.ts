import type { RetrainingRequestedV1 } from '@llmops/contracts';
import type { PlanTrigger } from './plan-trigger';

/** True when `trigger` is a retraining-requested trigger for the model the request names. */
export function matchesRetraining(
  trigger: PlanTrigger,
  request: Pick<RetrainingRequestedV1, 'modelName'>,
): boolean {
  return trigger.kind === 'retraining-requested' && trigger.modelName === request.modelName;
}
