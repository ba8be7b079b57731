import { StorageKeyError } from '../errors/storage-key.error';

/**
 * First key segment reserved for the store's own bookkeeping (checksum records, fs temp files). Keeping
 * it inside the same namespace means a bucket and an fs directory have the same layout, so one can be
 * synced into the other and still verify.
 */
export const RESERVED_ROOT = '.llmops';

/**
 * The checksum record of `key` lives at `.llmops/meta/<key>`: a tree that mirrors the objects' own, so
 * on a filesystem two keys clash in the record tree exactly when they clash as files (`a` and `a/b`),
 * which the data write already detects. A suffix such as `.json` would add clashes of its own.
 */
export const RECORD_PREFIX = `${RESERVED_ROOT}/meta/`;

// S3 caps a full object name at 1024 bytes; the record name adds the prefix, so leave room for it.
const MAX_KEY_BYTES = 1024 - RECORD_PREFIX.length;

// Control characters break HTTP headers, XML listings and terminals; backslashes are path separators
// on Windows and would let a key escape its directory in the fs driver there.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f\\]/;

function segmentProblem(segment: string): string | undefined {
  if (segment === '') return 'empty path segment (leading, trailing or double "/")';
  if (segment === '.' || segment === '..') return `"${segment}" path segment`;
  return undefined;
}

function keyProblem(key: unknown): string | undefined {
  if (typeof key !== 'string') return 'not a string';
  if (key === '') return 'empty';
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) return `longer than ${MAX_KEY_BYTES} bytes`;
  if (FORBIDDEN_CHARS.test(key)) return 'contains a control character or backslash';
  if (key.startsWith('/')) return 'starts with "/"';
  const segments = key.split('/');
  for (const segment of segments) {
    const problem = segmentProblem(segment);
    if (problem) return problem;
  }
  if (segments[0] === RESERVED_ROOT) return `"${RESERVED_ROOT}/" is reserved for the store's own records`;
  return undefined;
}

/** Throws `StorageKeyError` unless `key` is a safe, relative, normalized object key. */
export function assertValidKey(key: string): void {
  const problem = keyProblem(key);
  if (problem) throw new StorageKeyError(key, problem);
}

/**
 * A list prefix is a raw string prefix (S3 semantics: `runs/r1/ckpt` matches `runs/r1/ckpt-2/x`), so
 * only its complete segments — everything before the last "/" — must be valid key segments.
 */
export function assertValidPrefix(prefix: string): void {
  if (typeof prefix !== 'string') throw new StorageKeyError(String(prefix), 'prefix is not a string');
  if (prefix === '') return;
  if (FORBIDDEN_CHARS.test(prefix)) {
    throw new StorageKeyError(prefix, 'prefix contains a control character or backslash');
  }
  if (prefix.startsWith('/')) throw new StorageKeyError(prefix, 'prefix starts with "/"');
  const complete = prefix.split('/').slice(0, -1);
  for (const segment of complete) {
    const problem = segmentProblem(segment);
    if (problem) throw new StorageKeyError(prefix, `prefix has an ${problem}`);
  }
  if (complete[0] === RESERVED_ROOT) {
    throw new StorageKeyError(prefix, `"${RESERVED_ROOT}/" is reserved for the store's own records`);
  }
}

/** The directory part of a prefix (`a/b/c` → `a/b/`, `abc` → ``), for drivers that walk a tree. */
export function prefixDirectory(prefix: string): string {
  return prefix.slice(0, prefix.lastIndexOf('/') + 1);
}

export function recordKeyFor(key: string): string {
  return `${RECORD_PREFIX}${key}`;
}

/** Inverse of `recordKeyFor`; undefined for names that are not checksum records of valid keys. */
export function keyFromRecordKey(recordKey: string): string | undefined {
  if (!recordKey.startsWith(RECORD_PREFIX)) return undefined;
  const key = recordKey.slice(RECORD_PREFIX.length);
  return keyProblem(key) === undefined ? key : undefined;
}
