import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { apiKeyListSchema, type ApiKeyEntry } from './api-key-entry.schema';

export class ApiKeyFileError extends Error {
  constructor(file: string, problem: string) {
    super(`API keys file ${file}: ${problem}`);
    this.name = 'ApiKeyFileError';
  }
}

export interface ApiKeyFileContent {
  /** Validated entries. */
  entries: ApiKeyEntry[];
  /** The array as stored, so rewriting keeps fields this version does not know. */
  raw: unknown[];
}

/** Parses the keys file text; throws {@link ApiKeyFileError} naming the first problems. */
export function parseApiKeyFile(file: string, text: string): ApiKeyFileContent {
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiKeyFileError(file, `not valid JSON (${(error as Error).message})`);
  }
  const result = apiKeyListSchema.safeParse(raw);
  if (!result.success || !Array.isArray(raw)) {
    const problems = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
    throw new ApiKeyFileError(file, problems.join('; ') || 'must be a JSON array');
  }
  return { entries: result.data, raw: raw as unknown[] };
}

/** Reads the keys file; a missing file holds no keys. */
export async function readApiKeyFile(file: string): Promise<ApiKeyFileContent> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], raw: [] };
    throw error;
  }
  return parseApiKeyFile(file, text);
}

/** Replaces the keys file atomically (temp file + rename) with owner-only permissions. */
export async function writeApiKeyFile(file: string, raw: readonly unknown[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(raw, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(temp, 0o600);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
