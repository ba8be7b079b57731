import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (this file lives in tools/deploy/support/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function repoPath(...segments: string[]): string {
  return path.join(REPO_ROOT, ...segments);
}

export function readRepoFile(relative: string): string {
  return fs.readFileSync(repoPath(relative), 'utf8');
}

/** Repository-relative paths (forward slashes) of the files under `dir` whose name passes `accept`. */
export function listFiles(dir: string, accept: (name: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(repoPath(relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && accept(entry.name)) found.push(child);
    }
  };
  walk(dir);
  return found.sort();
}

export function isYamlFile(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
