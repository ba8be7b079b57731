import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { closedPort, type LocalHttpServer } from '../../test/connectors/local-http-server';
import { drain, newConnectorContext } from '../../test/connectors/connector-test-context';
import { createFixtureRepo, type FixtureRepo } from '../../test/connectors/git-fixture-repo';
import { hasGitHttpBackend, startGitHttpServer } from '../../test/connectors/git-http-backend';
import { ConnectorError } from './connector.error';
import type { ConnectorContext, SkippedInput } from './connector-context';
import { gitConnector } from './git.connector';
import { GitSourceConfigSchema } from './git.config';

async function failure(run: Promise<unknown>): Promise<ConnectorError> {
  const error: unknown = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe('gitConnector', () => {
  let ctx: ConnectorContext;
  let root: string;
  let cleanup: () => Promise<void>;
  let repo: FixtureRepo;
  let skipped: SkippedInput[];

  beforeAll(async () => {
    ({ ctx, root, cleanup } = await newConnectorContext({ onSkip: (s) => skipped.push(s) }));
    await mkdir(join(root, 'repos', 'fixture'), { recursive: true });
    repo = await createFixtureRepo(join(root, 'repos', 'fixture'));
  });

  afterAll(() => cleanup());

  beforeEach(() => {
    skipped = [];
  });

  const read = (config: Record<string, unknown>) => drain(gitConnector.open(config, ctx));
  const names = async (config: Record<string, unknown>) =>
    (await read(config)).map(({ input }) => input.name);

  describe('from a local path', () => {
    it('yields the default globs at HEAD as text, with commit and uri, leaving vendored code out', async () => {
      const files = await read({ path: repo.dir });
      expect(files.map(({ input }) => input.name)).toEqual([
        'README.md',
        'docs/big.md',
        'src/app.ts',
        'src/later.ts',
        'src/util.py',
      ]);
      expect(skipped.map(({ name }) => name)).toEqual(['data/blob.txt']);
      const readme = files[0];
      expect(readme?.text).toBe('# Fixture\n');
      expect(readme?.input).toMatchObject({
        kind: 'bytes',
        contentType: 'text/plain',
        commit: repo.second,
        uri: `git+file://${repo.dir}@${repo.second}#README.md`,
      });
    });

    it('skips binary files (NUL byte) and reports them', async () => {
      const got = await names({ path: repo.dir, include: ['**/*'] });
      expect(got).not.toContain('assets/logo.png');
      expect(got).not.toContain('data/blob.txt');
      expect(skipped).toEqual([
        { name: 'assets/logo.png', reason: 'binary', bytes: 12 },
        { name: 'data/blob.txt', reason: 'binary', bytes: 23 },
      ]);
    });

    it('skips files over maxFileBytes and reports them', async () => {
      const got = await names({ path: repo.dir, include: ['**/*.md'], maxFileBytes: 1024 });
      expect(got).toEqual(['README.md']);
      expect(skipped).toEqual([{ name: 'docs/big.md', reason: 'too-large', bytes: 4097 }]);
    });

    it('leaves symlinks out', async () => {
      expect(await names({ path: repo.dir, include: ['*.md'] })).toEqual(['README.md']);
    });

    it('applies include and exclude globs', async () => {
      expect(await names({ path: repo.dir, include: ['src/**/*.ts'] })).toEqual([
        'src/app.ts',
        'src/later.ts',
      ]);
      expect(
        await names({ path: repo.dir, include: ['src/**'], exclude: ['**/*.py', '**/later.*'] }),
      ).toEqual(['src/app.ts']);
      expect(await names({ path: repo.dir, include: ['**/*.js'], exclude: [] })).toEqual([
        'node_modules/dep/index.js',
      ]);
    });

    it.each([
      ['a lightweight tag', 'v1'],
      ['an annotated tag', 'v1-annotated'],
      ['a full sha', 'first'],
      ['an abbreviated sha', 'first-short'],
    ])('reads at %s', async (_label, ref) => {
      const resolved = ref === 'first' ? repo.first : ref === 'first-short' ? repo.first.slice(0, 8) : ref;
      const files = await read({ path: repo.dir, ref: resolved, include: ['src/**'] });
      expect(files.map(({ input }) => input.name)).toEqual(['src/app.ts', 'src/util.py']);
      expect(files[0]?.input).toMatchObject({ commit: repo.first });
    });

    it('fails with git-ref-not-found for a missing ref', async () => {
      const error = await failure(read({ path: repo.dir, ref: 'no-such-branch' }));
      expect(error).toMatchObject({ code: 'git-ref-not-found', field: 'ref' });
      expect((await failure(read({ path: repo.dir, ref: 'abcdef12' }))).code).toBe('git-ref-not-found');
    });

    it('fails with no-files-matched when the globs match nothing', async () => {
      const error = await failure(read({ path: repo.dir, include: ['**/*.cobol'] }));
      expect(error).toMatchObject({ code: 'no-files-matched', field: 'include' });
    });

    it('fails before reading when more files than maxFiles match', async () => {
      const error = await failure(read({ path: repo.dir, maxFiles: 2 }));
      expect(error).toMatchObject({ code: 'input-too-large', field: 'maxFiles' });
      expect(skipped).toEqual([]);
    });

    it('fails with git-repo-not-found for a folder that is not a repository', async () => {
      const error = await failure(read({ path: root }));
      expect(error).toMatchObject({ code: 'git-repo-not-found', field: 'path' });
    });

    it('rejects a config with both or neither of url and path', async () => {
      expect(GitSourceConfigSchema.safeParse({ path: '/a', url: 'https://x.org/r.git' }).success).toBe(false);
      expect(GitSourceConfigSchema.safeParse({}).success).toBe(false);
      expect(GitSourceConfigSchema.safeParse({ path: 'relative/repo' }).success).toBe(false);
      expect((await failure(read({ path: repo.dir, ref: '--upload-pack=x' }))).code).toBe('invalid-config');
    });
  });

  describe('from a URL', () => {
    it('fails with git-clone-failed when nothing listens, and leaves no scratch folder', async () => {
      const port = await closedPort();
      const error = await failure(read({ url: `http://127.0.0.1:${port}/repo.git` }));
      expect(error).toMatchObject({ code: 'git-clone-failed', field: 'url' });
      expect(await readdir(ctx.tmpDir)).toEqual([]);
    });
  });

  (hasGitHttpBackend() ? describe : describe.skip)('cloned over smart HTTP (git http-backend)', () => {
    let server: LocalHttpServer;
    let url: string;

    beforeAll(async () => {
      server = await startGitHttpServer(join(root, 'repos'));
      url = server.url('/fixture');
    });

    afterAll(() => server.stop());

    afterEach(async () => {
      expect(await readdir(ctx.tmpDir)).toEqual([]);
    });

    it('clones the default branch and reads it like a local repository', async () => {
      const files = await read({ url, include: ['src/**'] });
      expect(files.map(({ input }) => input.name)).toEqual(['src/app.ts', 'src/later.ts', 'src/util.py']);
      expect(files[0]?.input).toMatchObject({
        commit: repo.second,
        uri: `git+${url}@${repo.second}#src/app.ts`,
      });
      expect(files[0]?.text).toBe('export const app = 1;\n');
    });

    it.each(['v1', 'v1-annotated'])('clones tag %s', async (ref) => {
      const files = await read({ url, ref, include: ['src/**'] });
      expect(files.map(({ input }) => input.name)).toEqual(['src/app.ts', 'src/util.py']);
      expect(files[0]?.input).toMatchObject({ commit: repo.first });
    });

    it('clones a commit sha', async () => {
      const files = await read({ url, ref: repo.first, include: ['src/**'] });
      expect(files[0]?.input).toMatchObject({ commit: repo.first });
    });

    it('fails with git-ref-not-found for a missing branch', async () => {
      const error = await failure(read({ url, ref: 'no-such-branch' }));
      expect(error).toMatchObject({ code: 'git-ref-not-found', field: 'ref' });
    });

    it('fails with git-clone-failed for a missing repository', async () => {
      const error = await failure(read({ url: server.url('/missing') }));
      expect(error).toMatchObject({ code: 'git-clone-failed', field: 'url' });
      expect(error.message).toContain('404');
    });

    it('aborts a clone past maxCloneBytes', async () => {
      const error = await failure(read({ url, maxCloneBytes: 200 }));
      expect(error).toMatchObject({ code: 'input-too-large', field: 'maxCloneBytes' });
    });
  });
});
