import * as fs from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { add, annotatedTag, commit, init, tag } from 'isomorphic-git';

const author = { name: 'Fixture', email: 'fixture@example.com', timestamp: 1_700_000_000, timezoneOffset: 0 };

export interface FixtureRepo {
  dir: string;
  /** The first commit (tagged `v1` and, annotated, `v1-annotated`). */
  first: string;
  /** The second commit, HEAD of `main`. */
  second: string;
}

/**
 * A small repository built with isomorphic-git: code, docs, a binary file, an oversized file, vendored
 * code, a symlink, and two commits so refs can be told apart.
 */
export async function createFixtureRepo(dir: string): Promise<FixtureRepo> {
  await init({ fs, dir, defaultBranch: 'main' });
  await writeFiles(dir, {
    'README.md': '# Fixture\n',
    'src/app.ts': 'export const app = 1;\n',
    'src/util.py': 'def util():\n    return 1\n',
    'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    'data/blob.txt': Buffer.concat([Buffer.from('looks like text but\n'), Buffer.from([0, 1, 2])]),
    'node_modules/dep/index.js': 'module.exports = 1;\n',
    'docs/big.md': `${'x'.repeat(4096)}\n`,
  });
  await fs.promises.symlink('README.md', join(dir, 'link.md'));
  await add({ fs, dir, filepath: '.' });
  const first = await commit({ fs, dir, message: 'first', author });
  await tag({ fs, dir, ref: 'v1' });
  await annotatedTag({ fs, dir, ref: 'v1-annotated', message: 'release 1', tagger: author });

  await writeFiles(dir, { 'src/later.ts': 'export const later = 2;\n' });
  await add({ fs, dir, filepath: 'src/later.ts' });
  const second = await commit({ fs, dir, message: 'second', author });
  return { dir, first, second };
}

async function writeFiles(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}
