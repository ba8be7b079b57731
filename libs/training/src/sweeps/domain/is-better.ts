import type { ObjectiveDirection } from './sweep-spec';

/** True when objective value `a` is strictly better than `b` under `direction`. */
export function isBetter(a: number, b: number, direction: ObjectiveDirection): boolean {
  return direction === 'minimize' ? a < b : a > b;
}
