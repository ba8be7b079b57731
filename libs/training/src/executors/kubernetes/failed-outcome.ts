import type { ExecutorOutcome } from '../training-executor';
import type { KubernetesFailureCode } from './job-status';

/** One variant of `ExecutorOutcome`. */
export type Outcome<S extends ExecutorOutcome['status']> = Extract<ExecutorOutcome, { status: S }>;

/** A failed outcome with a kubernetes failure code. */
export function failedOutcome(
  code: KubernetesFailureCode,
  reason: string,
  lastLogLines: string[],
  artifacts: Outcome<'failed'>['artifacts'] = [],
): Outcome<'failed'> {
  return { status: 'failed', code, reason, lastLogLines, artifacts };
}
