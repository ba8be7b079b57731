import * as fs from 'node:fs';
import { SERVICE_NAMES } from '@llmops/contracts';
import { SERVICE_PORTS, STANDALONE_PORT } from '@llmops/service-host';
import { argv, loadCompose } from './support/compose-file';
import { copySources, dockerignore, parseDockerfile, type Stage } from './support/dockerfile';
import { listFiles, readRepoFile, repoPath } from './support/repo-files';

const dockerfile = parseDockerfile();
const ignored = dockerignore();
const packageJson = JSON.parse(readRepoFile('package.json')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};

function stage(name: string): Stage {
  const found = dockerfile.stages.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`Dockerfile has no stage ${name}`);
  return found;
}

const runs = (target: Stage): string[] =>
  target.instructions
    .filter((instruction) => instruction.keyword === 'RUN')
    .map((instruction) => instruction.args);

describe('Dockerfile', () => {
  it('builds in a builder stage and runs from a slim Node image the engines range allows', () => {
    expect(dockerfile.stages.map((candidate) => candidate.name)).toEqual(['builder', 'runtime']);
    const version = dockerfile.globalArgs['NODE_VERSION'] ?? '';
    const [minMajor = 0] = /(\d+)/.exec(packageJson.engines.node)?.slice(1).map(Number) ?? [];
    expect(Number(version)).toBeGreaterThanOrEqual(minMajor);
    for (const { image } of dockerfile.stages) expect(image).toBe('node:${NODE_VERSION}-bookworm-slim');
  });

  it('installs with the lock file, builds, then prunes the dev dependencies (prepare cannot run early)', () => {
    const script = runs(stage('builder')).join(' && ');
    expect(script).toMatch(/npm ci --ignore-scripts/);
    expect(script).toMatch(/npm run build/);
    expect(script).toMatch(/npm prune --omit=dev/);
    expect(script.indexOf('npm run build')).toBeLessThan(script.indexOf('npm prune'));
    expect(packageJson.scripts['prepare']).toBe('npm run build');
  });

  it('checks the build produced every app it can run', () => {
    const script = runs(stage('builder')).join(' ');
    const apps = /for app in ([a-z ]+); do/.exec(script)?.[1]?.trim().split(/\s+/) ?? [];
    expect([...apps].sort()).toEqual(['standalone', ...SERVICE_NAMES].sort());
  });

  it('runs as the unprivileged node user with only production files, no install in the runtime stage', () => {
    const runtime = stage('runtime');
    const users = runtime.instructions.filter((instruction) => instruction.keyword === 'USER');
    expect(users.map((instruction) => instruction.args)).toEqual(['node']);
    expect(runs(runtime).join(' ')).not.toMatch(/npm (ci|install)/);
    const copied = runtime.instructions
      .filter((instruction) => instruction.keyword === 'COPY' && instruction.args.includes('--from=builder'))
      .map((instruction) => instruction.args.split(/\s+/).at(-2));
    expect(copied).toEqual(expect.arrayContaining(['/app/node_modules', '/app/dist', '/app/package.json']));
  });

  it('picks the app with the SERVICE build arg (default standalone) or the command', () => {
    const runtime = stage('runtime');
    expect(runtime.instructions).toContainEqual({ keyword: 'ARG', args: 'SERVICE=standalone' });
    const env = runtime.instructions.find((instruction) => instruction.keyword === 'ENV')?.args ?? '';
    expect(env).toContain('LLMOPS_APP=${SERVICE}');
    const cmd = runtime.instructions.find((instruction) => instruction.keyword === 'CMD')?.args ?? '';
    expect(cmd).toContain('dist/apps/${LLMOPS_APP}/src/main.js');
    const exposed = runtime.instructions
      .filter((instruction) => instruction.keyword === 'EXPOSE')
      .flatMap((instruction) => instruction.args.split(/\s+/).map(Number));
    expect(exposed.sort()).toEqual([...Object.values(SERVICE_PORTS), STANDALONE_PORT].sort());
  });

  it('copies only sources that exist and that .dockerignore lets into the context', () => {
    const sources = dockerfile.stages.flatMap((target) =>
      target.instructions.filter((instruction) => instruction.keyword === 'COPY').flatMap(copySources),
    );
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      expect({ source, exists: fs.existsSync(repoPath(source)) }).toEqual({ source, exists: true });
      expect({ source, ignored: ignored(source) }).toEqual({ source, ignored: false });
    }
  });

  it('ships the files the build script and compose healthchecks need', () => {
    // package.json's build: `swc apps libs ... && node tools/build/write-dist-package.js`.
    for (const file of ['tools/build/write-dist-package.js', 'tsconfig.base.json', '.swcrc']) {
      expect({ file, ignored: ignored(file) }).toEqual({ file, ignored: false });
    }
    expect(packageJson.scripts['build']).toContain('tools/build/write-dist-package.js');
    const compose = loadCompose();
    const scripts = new Set(
      Object.values(compose.services)
        .filter((service) => service.build !== undefined)
        .map((service) => argv(service.healthcheck?.test)[2] ?? ''),
    );
    const shipped = dockerfile.stages
      .flatMap((target) => target.instructions)
      .filter((instruction) => instruction.keyword === 'COPY')
      .map((instruction) => instruction.args.split(/\s+/).at(-1)?.replace(/^\.\//, ''));
    expect([...scripts]).toEqual(['deploy/docker/healthcheck.js']);
    for (const script of scripts) expect(shipped).toContain(script);
  });
});

describe('.dockerignore', () => {
  it('keeps local state, secrets, tests and unrelated folders out of the context', () => {
    for (const file of [
      'node_modules/zod/package.json',
      'dist/apps/ingestion/src/main.js',
      '.llmops/db/PG_VERSION',
      '.env',
      '.git/HEAD',
      'docs/deployment.md',
      'deploy/base/configmap.yaml',
      'libs/config/src/parse-config.spec.ts',
      'libs/messaging/test/kafka.int.ts',
      'apps/cli/node_modules/x/index.js',
    ]) {
      expect({ file, ignored: ignored(file) }).toEqual({ file, ignored: true });
    }
  });

  it('lets in every non-test source of apps/ and libs/', () => {
    const sources = ['apps', 'libs'].flatMap((dir) =>
      listFiles(
        dir,
        (name) => name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.int.ts'),
      ),
    );
    const production = sources.filter((file) => !file.split('/').includes('test'));
    expect(production.length).toBeGreaterThan(50);
    expect(production.filter((file) => ignored(file))).toEqual([]);
  });
});
