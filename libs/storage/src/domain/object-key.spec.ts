import { StorageKeyError } from '../errors/storage-key.error';
import {
  assertValidKey,
  assertValidPrefix,
  keyFromRecordKey,
  prefixDirectory,
  recordKeyFor,
} from './object-key';

describe('object keys', () => {
  it.each([
    'datasets/ds_1/v_2/manifest.json',
    'runs/r1/checkpoints/step-00010.safetensors',
    'a',
    'a..b/c...d',
    'ünï cødé/with spaces+plus%percent',
    '.hidden/file',
  ])('accepts %j', (key) => {
    expect(() => {
      assertValidKey(key);
    }).not.toThrow();
  });

  it.each([
    ['', 'empty'],
    ['/abs/path', 'starts with "/"'],
    ['a/../b', '".." path segment'],
    ['..', '".." path segment'],
    ['a/./b', '"." path segment'],
    ['a//b', 'empty path segment'],
    ['a/', 'empty path segment'],
    ['a\\b', 'backslash'],
    ['a\nb', 'control character'],
    ['.llmops/meta/x', 'reserved'],
    ['x'.repeat(1100), 'longer than'],
  ])('rejects %j (%s) with STORAGE_INVALID_KEY', (key, reason) => {
    let caught: unknown;
    try {
      assertValidKey(key);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StorageKeyError);
    expect(caught).toMatchObject({ code: 'STORAGE_INVALID_KEY', key });
    expect((caught as Error).message).toContain(reason);
  });

  it('accepts raw string prefixes and rejects unsafe ones', () => {
    for (const prefix of ['', 'runs/', 'runs/r1/ck', 'run', '.ll']) {
      expect(() => {
        assertValidPrefix(prefix);
      }).not.toThrow();
    }
    for (const prefix of ['/runs', 'a/../', '../x', 'a//b', '.llmops/', 'a\\b']) {
      expect(() => {
        assertValidPrefix(prefix);
      }).toThrow(StorageKeyError);
    }
  });

  it('maps keys to checksum records and back', () => {
    expect(recordKeyFor('a/b.json')).toBe('.llmops/meta/a/b.json');
    expect(keyFromRecordKey('.llmops/meta/a/b.json')).toBe('a/b.json');
    expect(keyFromRecordKey('a/b.json')).toBeUndefined();
    expect(keyFromRecordKey('.llmops/meta/../x')).toBeUndefined();
  });

  it('takes the directory part of a prefix', () => {
    expect(prefixDirectory('a/b/c')).toBe('a/b/');
    expect(prefixDirectory('a/b/')).toBe('a/b/');
    expect(prefixDirectory('abc')).toBe('');
  });
});
