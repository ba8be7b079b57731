import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Parses libs/minhash/fixtures/<name> (written by tools/dedup/generate-datasketch-fixtures.py). */
export function loadFixture(name: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, '../../fixtures', name), 'utf8'));
}
