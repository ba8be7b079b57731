import { now } from './stats';

export interface PaceOptions {
  /** Events per second. */
  rate: number;
  durationMs: number;
  /** One batch every tickMs; each batch holds rate × tickMs / 1000 events. */
  tickMs: number;
}

/**
 * Open-loop pacing: every `tickMs` emit the events due by then (cumulative count = rate × elapsed), each
 * stamped with its *scheduled* time, so a late timer or a slow system shows up as latency instead of
 * silently lowering the offered rate (no coordinated omission). `emit` must not block: it starts the
 * sends and returns.
 */
export async function runPaced(
  options: PaceOptions,
  emit: (count: number, scheduledAt: number) => void,
): Promise<{ startedAt: number; emitted: number }> {
  const startedAt = now();
  const ticks = Math.round(options.durationMs / options.tickMs);
  let emitted = 0;
  for (let tick = 1; tick <= ticks; tick++) {
    const due = startedAt + tick * options.tickMs;
    const wait = due - now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const target = Math.round((options.rate * tick * options.tickMs) / 1000);
    const count = target - emitted;
    if (count > 0) emit(count, due);
    emitted = target;
  }
  return { startedAt, emitted };
}
