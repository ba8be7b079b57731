import type { RunCompletedV1 } from '@llmops/contracts';

/** queued → provisioning → running → succeeded | failed | cancelled (cancel also from queued). */
export type RunStatus = 'queued' | 'provisioning' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export const TERMINAL_STATUSES: ReadonlySet<RunStatus> = new Set(['succeeded', 'failed', 'cancelled']);

/** Why a run was started, as the run events carry it. */
export type RunTriggerInfo = RunCompletedV1['trigger'];
