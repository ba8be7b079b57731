import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeyService } from './api-key.service';
import { generateApiKey, hashApiKey } from './api-key.util';
import { ensureBootstrapAdminKey } from './ensure-bootstrap-admin-key.util';

describe('ensureBootstrapAdminKey', () => {
  let dir: string;
  let file: string;
  let logs: string[];
  const log = (message: string): void => {
    logs.push(message);
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'llmops-bootstrap-'));
    file = join(dir, 'state', 'api-keys.json');
    logs = [];
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates an admin key on first start, stores only its hash with mode 0600, and returns it once', async () => {
    const result = await ensureBootstrapAdminKey({ file, log });
    if (result.outcome !== 'generated') throw new Error(`unexpected outcome ${result.outcome}`);

    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(result.key);
    expect(JSON.parse(text)).toEqual([
      { name: 'bootstrap-admin', hash: hashApiKey(result.key), roles: ['admin'] },
    ]);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(logs.join('\n')).not.toContain(result.key);

    const service = new ApiKeyService({ rolesClaim: 'roles', apiKeys: [], apiKeysFile: file });
    await service.onModuleInit();
    await expect(service.verify(result.key)).resolves.toMatchObject({ roles: ['admin'], kind: 'api-key' });
  });

  it('does nothing on later starts', async () => {
    await ensureBootstrapAdminKey({ file, log });
    const before = await readFile(file, 'utf8');
    await expect(ensureBootstrapAdminKey({ file, log })).resolves.toEqual({ outcome: 'already-present' });
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('keeps other keys (and their unknown fields) when adding the admin key', async () => {
    const other = { name: 'ci', hash: generateApiKey().hash, roles: ['service'], createdAt: '2025-01-01' };
    file = join(dir, 'api-keys.json');
    await writeFile(file, JSON.stringify([other]));
    await ensureBootstrapAdminKey({ file, log });
    const stored = JSON.parse(await readFile(file, 'utf8')) as unknown[];
    expect(stored).toEqual([other, expect.objectContaining({ name: 'bootstrap-admin', roles: ['admin'] })]);
  });

  it('stores the hash of a preset key and never returns or logs it', async () => {
    const preset = generateApiKey().key;
    await expect(ensureBootstrapAdminKey({ file, presetKey: preset, log })).resolves.toEqual({
      outcome: 'preset-stored',
    });
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(preset);
    expect(JSON.parse(text)).toEqual([
      { name: 'bootstrap-admin', hash: hashApiKey(preset), roles: ['admin'] },
    ]);
    expect(logs.join('\n')).not.toContain(preset);

    await expect(ensureBootstrapAdminKey({ file, presetKey: preset, log })).resolves.toEqual({
      outcome: 'already-present',
    });
  });

  it('replaces a generated bootstrap key when a preset key is set later (rotation)', async () => {
    const generated = await ensureBootstrapAdminKey({ file, log });
    const preset = generateApiKey().key;
    await ensureBootstrapAdminKey({ file, presetKey: preset, log });
    const stored = JSON.parse(await readFile(file, 'utf8')) as { hash: string }[];
    expect(stored.map((entry) => entry.hash)).toEqual([hashApiKey(preset)]);
    expect(generated.outcome).toBe('generated');
  });

  it('rejects a weak preset key and refuses to overwrite a broken file', async () => {
    await expect(ensureBootstrapAdminKey({ file, presetKey: 'admin', log })).rejects.toThrow(
      /LLMOPS_ADMIN_API_KEY/,
    );
    file = join(dir, 'broken.json');
    await writeFile(file, 'oops');
    await expect(ensureBootstrapAdminKey({ file, log })).rejects.toThrow(/not valid JSON/);
    expect(await readFile(file, 'utf8')).toBe('oops');
  });
});
