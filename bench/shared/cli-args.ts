import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `--name=value` arguments. */
export function args(argv: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(a);
    if (m?.[1] !== undefined && m[2] !== undefined) out.set(m[1], m[2]);
  }
  return out;
}

export function required(a: Map<string, string>, name: string): string {
  const v = a.get(name);
  if (v === undefined) throw new Error(`missing --${name}=...`);
  return v;
}

/** The lines of a generated corpus file (no trailing empty line), as Python's `read().split('\n')[:-1]`. */
export function readLines(dir: string, name: string): string[] {
  const lines = readFileSync(join(dir, name), 'utf8').split('\n');
  lines.pop();
  return lines;
}
