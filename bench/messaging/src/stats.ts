import { readdirSync, readFileSync } from 'node:fs';

import { now } from '../../shared/latency-summary';

export { now, summarise, type LatencySummary } from '../../shared/latency-summary';

/** Per-message timestamps (performance.now(), ms) indexed by sequence number; 0 = not yet. */
export class Timeline {
  readonly t0: Float64Array; // scheduled send time (open-loop: when the event was due)
  readonly ack: Float64Array; // raw: producer.send resolved; layer: outbox transaction committed
  readonly sent: Float64Array; // layer only: relay's transport.send resolved
  readonly recv: Float64Array; // consumer got the message (raw: eachMessage entry; layer: sink entry)
  readonly done: Float64Array; // handled (layer: after the idempotency transaction committed)
  private next = 0;
  doneCount = 0;

  constructor(readonly capacity: number) {
    this.t0 = new Float64Array(capacity);
    this.ack = new Float64Array(capacity);
    this.sent = new Float64Array(capacity);
    this.recv = new Float64Array(capacity);
    this.done = new Float64Array(capacity);
  }

  allocate(t0: number): number {
    if (this.next >= this.capacity) throw new Error('timeline capacity exceeded');
    const seq = this.next++;
    this.t0[seq] = t0;
    return seq;
  }

  get allocated(): number {
    return this.next;
  }

  markDone(seq: number, at = now()): void {
    if (seq < 0 || seq >= this.next || this.done[seq] !== 0) return; // probes and redeliveries
    this.done[seq] = at;
    this.doneCount++;
  }
}

export const keyOf = (seq: number): string => `b${seq}`;
export const seqOf = (key: string): number => (key.startsWith('b') ? Number(key.slice(1)) : -1);

/** Waits until `done()` or the timeout; returns whether it finished. */
export async function waitFor(done: () => boolean, timeoutMs: number, stepMs = 5): Promise<boolean> {
  const deadline = now() + timeoutMs;
  while (!done()) {
    if (now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return true;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Accumulated time per label (ms) and call counts. */
export class Stopwatch {
  readonly totals = new Map<string, { ms: number; calls: number }>();

  add(label: string, ms: number): void {
    const entry = this.totals.get(label) ?? { ms: 0, calls: 0 };
    entry.ms += ms;
    entry.calls++;
    this.totals.set(label, entry);
  }

  snapshot(): Record<string, { ms: number; calls: number; meanMs: number }> {
    const out: Record<string, { ms: number; calls: number; meanMs: number }> = {};
    for (const [label, { ms, calls }] of this.totals)
      out[label] = { ms: round(ms), calls, meanMs: round(ms / calls, 3) };
    return out;
  }

  reset(): void {
    this.totals.clear();
  }
}

export const round = (v: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

// ---- CPU accounting from /proc (Linux): who used the 2 cores during a scenario ----

const CLK_TCK = 100;

interface ProcSample {
  at: number;
  machineBusy: number;
  machineTotal: number;
  byGroup: Map<string, number>;
}

function readMachine(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

function groupOf(pid: number, comm: string): string {
  if (pid === process.pid) return 'bench (this node process)';
  if (comm === 'postgres') return 'postgres';
  if (comm === 'java') return 'java (kafka + s3proxy)';
  if (comm === 'node' || comm.startsWith('npm') || comm === 'jest' || comm === 'tsc')
    return 'other node processes';
  return 'other';
}

function readGroups(): Map<string, number> {
  const groups = new Map<string, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(open + 1, close);
      const rest = stat.slice(close + 2).split(' ');
      // fields after comm: state(0) ... utime(11) stime(12)
      const ticks = Number(rest[11]) + Number(rest[12]);
      const group = groupOf(Number(entry), comm);
      groups.set(group, (groups.get(group) ?? 0) + ticks);
    } catch {
      // the process exited meanwhile
    }
  }
  return groups;
}

export function sampleCpu(): ProcSample {
  const m = readMachine();
  return { at: now(), machineBusy: m.busy, machineTotal: m.total, byGroup: readGroups() };
}

export interface CpuReport {
  /** Busy share of all cores, 0-100 %. */
  machineBusyPct: number;
  /** Core-seconds per second by process group (1.0 = one full core). */
  coresByGroup: Record<string, number>;
}

export function cpuBetween(a: ProcSample, b: ProcSample): CpuReport {
  const seconds = (b.at - a.at) / 1000;
  const coresByGroup: Record<string, number> = {};
  for (const [group, ticks] of b.byGroup) {
    const delta = ticks - (a.byGroup.get(group) ?? 0);
    if (delta > 0) coresByGroup[group] = round(delta / CLK_TCK / seconds, 2);
  }
  const total = b.machineTotal - a.machineTotal;
  return {
    machineBusyPct: total > 0 ? round(((b.machineBusy - a.machineBusy) / total) * 100) : NaN,
    coresByGroup,
  };
}
