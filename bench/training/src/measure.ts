import { cpus, loadavg } from 'node:os';

/** Wall and CPU milliseconds of one call. CPU time is reported too because the bench host is shared. */
export interface Timed<T> {
  readonly value: T;
  readonly wallMs: number;
  readonly cpuMs: number;
}

export async function timed<T>(run: () => Promise<T>): Promise<Timed<T>> {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const value = await run();
  const cpu = process.cpuUsage(cpuStart);
  return { value, wallMs: performance.now() - wallStart, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

export function machine(): Record<string, unknown> {
  return {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadavg: loadavg().map((value) => Number(value.toFixed(2))),
  };
}
