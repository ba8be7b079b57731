import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { HttpUrlSchema } from './http.config';

const MiB = 1024 * 1024;

/** Source and documentation files that read well as plain text. */
export const DEFAULT_GIT_INCLUDE = ['**/*.{md,txt,py,ts,js,go,java,rs}'];
/** Vendored and generated trees that would swamp a code archive with other people's code. */
export const DEFAULT_GIT_EXCLUDE = ['**/node_modules/**', '**/vendor/**', '**/dist/**', '**/*.min.js'];

/** Reads text files from a git repository at one commit. */
export const GitSourceConfigSchema = z
  .strictObject({
    url: HttpUrlSchema.optional().describe(
      'Repository to clone over http(s) (depth 1 unless ref is a commit sha). Give url or path, not both.',
    ),
    path: z
      .string()
      .refine(isAbsolute, 'must be an absolute path')
      .optional()
      .describe(
        'Absolute path of a repository on the ingestion worker (working copy or bare), read in place. Give url or path.',
      ),
    ref: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[^\s~^:?*[\\]+$/, 'must be a branch, tag or commit')
      .refine((ref) => !ref.includes('..') && !ref.startsWith('-'), 'must be a branch, tag or commit')
      .default('HEAD')
      .describe(
        'Branch, tag or commit to read. A commit must be the full 40-hex sha for url sources. Default HEAD.',
      ),
    include: z
      .array(z.string().min(1))
      .min(1)
      .default(DEFAULT_GIT_INCLUDE)
      .describe('picomatch globs over repo-relative paths; a file is read when one matches.'),
    exclude: z
      .array(z.string().min(1))
      .default(DEFAULT_GIT_EXCLUDE)
      .describe(
        'picomatch globs of paths to leave out even when included. Default: node_modules, vendor, dist, *.min.js.',
      ),
    maxFileBytes: z
      .number()
      .int()
      .positive()
      .max(256 * MiB)
      .default(MiB)
      .describe('Files larger than this are skipped (and reported), not read. Default 1 MiB.'),
    maxFiles: z
      .number()
      .int()
      .positive()
      .max(1_000_000)
      .default(10_000)
      .describe('Fail, before reading anything, when more files than this match. Default 10000.'),
    maxCloneBytes: z
      .number()
      .int()
      .positive()
      .default(1024 * MiB)
      .describe('Largest download a clone may make; it aborts past this. Default 1 GiB.'),
    timeoutMs: z
      .number()
      .int()
      .min(1000)
      .max(3_600_000)
      .default(600_000)
      .describe('Longest a clone may take. Default 10 minutes.'),
  })
  .refine((config) => (config.url === undefined) !== (config.path === undefined), {
    error: 'give exactly one of url or path',
    path: ['url'],
  })
  .describe('Reads text files from a git repository at one commit.');

export type GitSourceConfig = z.output<typeof GitSourceConfigSchema>;
