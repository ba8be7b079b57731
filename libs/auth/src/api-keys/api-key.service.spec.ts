import { Logger } from '@nestjs/common';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthConfig } from '../auth.config';
import type { ApiKeyEntry } from './api-key-entry.schema';
import { ApiKeyService } from './api-key.service';
import { generateApiKey, hashApiKey } from './api-key.util';

describe('generateApiKey', () => {
  it('makes distinct llmops_ keys whose hash is the sha256 of the key', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^llmops_[A-Za-z0-9_-]{43}$/);
    expect(a.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.hash).toBe(hashApiKey(a.key));
    expect(a.key).not.toBe(b.key);
  });
});

describe('ApiKeyService', () => {
  let dir: string;
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'llmops-auth-'));
    file = join(dir, 'api-keys.json');
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function started(config: Partial<AuthConfig>): Promise<ApiKeyService> {
    const service = new ApiKeyService({ rolesClaim: 'roles', apiKeys: [], ...config });
    await service.onModuleInit();
    return service;
  }

  async function writeKeys(entries: ApiKeyEntry[]): Promise<void> {
    await writeFile(file, JSON.stringify(entries));
  }

  it('accepts a key listed in the env and names the principal after it', async () => {
    const { key, hash } = generateApiKey();
    const sut = await started({ apiKeys: [{ name: 'ci', hash, roles: ['service', 'viewer'] }] });
    await expect(sut.verify(key)).resolves.toEqual({
      subject: 'api-key:ci',
      kind: 'api-key',
      roles: ['service', 'viewer'],
      name: 'ci',
    });
  });

  it('rejects unknown, malformed and empty keys', async () => {
    const sut = await started({ apiKeys: [{ name: 'ci', hash: generateApiKey().hash, roles: ['viewer'] }] });
    await expect(sut.verify(generateApiKey().key)).resolves.toBeNull();
    await expect(sut.verify('not-a-platform-key')).resolves.toBeNull();
    await expect(sut.verify('llmops_')).resolves.toBeNull();
  });

  it('picks up keys added to the file and drops revoked ones without a restart', async () => {
    const first = generateApiKey();
    const second = generateApiKey();
    await writeKeys([{ name: 'alice', hash: first.hash, roles: ['annotator'] }]);
    const sut = await started({ apiKeysFile: file });
    await expect(sut.verify(first.key)).resolves.toMatchObject({
      subject: 'api-key:alice',
      roles: ['annotator'],
    });
    await expect(sut.verify(second.key)).resolves.toBeNull();

    await writeKeys([{ name: 'bob', hash: second.hash, roles: ['approver'] }]);
    await expect(sut.verify(first.key)).resolves.toBeNull();
    await expect(sut.verify(second.key)).resolves.toMatchObject({
      subject: 'api-key:bob',
      roles: ['approver'],
    });
  });

  it('merges env keys with file keys', async () => {
    const envKey = generateApiKey();
    const fileKey = generateApiKey();
    await writeKeys([{ name: 'file', hash: fileKey.hash, roles: ['viewer'] }]);
    const sut = await started({
      apiKeys: [{ name: 'env', hash: envKey.hash, roles: ['admin'] }],
      apiKeysFile: file,
    });
    await expect(sut.verify(envKey.key)).resolves.toMatchObject({ name: 'env' });
    await expect(sut.verify(fileKey.key)).resolves.toMatchObject({ name: 'file' });
  });

  it('treats a missing file as empty and loads it once it appears', async () => {
    const sut = await started({ apiKeysFile: file });
    const { key, hash } = generateApiKey();
    await expect(sut.verify(key)).resolves.toBeNull();
    await writeKeys([{ name: 'late', hash, roles: ['viewer'] }]);
    await expect(sut.verify(key)).resolves.toMatchObject({ name: 'late' });
  });

  it('fails the boot on an invalid file, and fails closed when the file breaks later', async () => {
    await writeFile(file, '{ not json');
    await expect(started({ apiKeysFile: file })).rejects.toThrow(/API keys file .*not valid JSON/);

    const { key, hash } = generateApiKey();
    await writeKeys([{ name: 'ok', hash, roles: ['viewer'] }]);
    const sut = await started({ apiKeysFile: file });
    await expect(sut.verify(key)).resolves.not.toBeNull();
    await writeFile(file, JSON.stringify([{ name: 'ok', hash, roles: ['viewer'] }, { name: 'bad' }]));
    await expect(sut.verify(key)).resolves.toBeNull();
  });

  it('never stores the plaintext key', async () => {
    const { key, hash } = generateApiKey();
    await writeKeys([{ name: 'ci', hash, roles: ['viewer'] }]);
    expect(await readFile(file, 'utf8')).not.toContain(key);
  });
});
