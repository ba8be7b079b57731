/**
 * Deployment history is a sequence of route states, each valid from its change until the next one:
 * [validFrom, validTo), validTo null for the state in force now. States are ordered by event time
 * (`changedAt`), then by route revision for changes in the same millisecond — never by arrival, so a
 * late event slots in where it belongs.
 */
export interface RouteStatePosition {
  /** UTC ISO time the state took effect. */
  validFrom: string;
  revision: number;
}

/** Negative when `a` comes first. */
export function compareStates(a: RouteStatePosition, b: RouteStatePosition): number {
  const byTime = Date.parse(a.validFrom) - Date.parse(b.validFrom);
  return byTime !== 0 ? byTime : a.revision - b.revision;
}

export interface IntervalPlacement {
  /** The new state's end: the next state's start, or null when it is the newest. */
  validTo: string | null;
  /** The state before it now ends where the new one starts (null: there is none). */
  closePreviousAt: string | null;
}

/**
 * Where a new state goes between its neighbours (the states just before and just after it in order):
 * it ends where the next begins, and the previous one now ends where it begins. Everything else keeps
 * its interval, which is why arrival order does not matter.
 */
export function placeState(
  incoming: RouteStatePosition,
  neighbours: { previous: RouteStatePosition | null; next: RouteStatePosition | null },
): IntervalPlacement {
  return {
    validTo: neighbours.next?.validFrom ?? null,
    closePreviousAt: neighbours.previous ? incoming.validFrom : null,
  };
}

export interface DeploymentInterval {
  validFrom: string;
  validTo: string | null;
  mode: string;
  weight: number;
  status: string;
}

/**
 * One deployment's rows from consecutive route states, merged where nothing about it changed (another
 * target's weight moving does not split this one's interval). Rows must be in time order.
 */
export function mergeDeploymentIntervals<T extends DeploymentInterval>(rows: readonly T[]): T[] {
  const merged: T[] = [];
  for (const row of rows) {
    const last = merged.at(-1);
    if (
      last &&
      last.validTo === row.validFrom &&
      last.mode === row.mode &&
      last.weight === row.weight &&
      last.status === row.status
    ) {
      last.validTo = row.validTo;
    } else {
      merged.push({ ...row });
    }
  }
  return merged;
}
