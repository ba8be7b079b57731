/** What a dependency check answers; `detail` is shown on the public readiness endpoint, keep it terse. */
export interface ReadinessCheckResult {
  ok: boolean;
  detail?: string;
}

/** A named dependency check, e.g. `kafka`, `database`, `storage`. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<ReadinessCheckResult>;
}

export type ReadinessStatus = 'ok' | 'unavailable' | 'shutting-down';

export interface ReadinessCheckReport {
  status: 'up' | 'down';
  detail?: string;
  durationMs: number;
}

export interface ReadinessReport {
  status: ReadinessStatus;
  checks: Record<string, ReadinessCheckReport>;
}
