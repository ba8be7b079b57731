import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { SERVICE_NAMES } from '@llmops/contracts';
import {
  isK8sObject,
  kustomizationDirs,
  literalsToMap,
  loadKustomization,
  loadYamlDocs,
} from './support/k8s-manifests';
import { loadCompose, serviceEnvironment } from './support/compose-file';
import {
  allowedEnvNames,
  PLATFORM_ENV_VARS,
  platformParserEnvNames,
  sourceFiles,
} from './support/known-env-vars';
import { readRepoFile } from './support/repo-files';

/** Containers of ours: the ones running the llmops image (infra containers have their own variables). */
const LLMOPS_IMAGE = /(^|\/)llmops(:|$)/;

/** Every variable name the llmops containers in deploy/ get, with where it comes from. */
function manifestEnvNames(): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const add = (name: string, where: string): void => {
    names.set(name, [...(names.get(name) ?? []), where]);
  };
  for (const doc of loadYamlDocs('deploy')) {
    if (!isK8sObject(doc.value)) continue;
    const object = doc.value;
    if (object.kind === 'ConfigMap') {
      // Only llmops' ConfigMaps are env sources of llmops containers (envFrom checked below).
      const data = (object as { data?: Record<string, string> }).data ?? {};
      if (object.metadata.name.startsWith('llmops')) for (const key of Object.keys(data)) add(key, doc.file);
      continue;
    }
    if (object.kind !== 'Deployment' && object.kind !== 'StatefulSet') continue;
    for (const container of (object as unknown as IDeployment).spec?.template.spec?.containers ?? []) {
      if (!LLMOPS_IMAGE.test(container.image ?? '')) continue;
      for (const variable of container.env ?? []) add(variable.name, `${doc.file} (${container.name})`);
      for (const from of container.envFrom ?? []) {
        const source = from.configMapRef?.name ?? from.secretRef?.name ?? '';
        expect({ container: container.name, source }).toEqual({
          container: container.name,
          source: expect.stringMatching(/^llmops-/),
        });
        expect(from.prefix).toBeUndefined();
      }
    }
  }
  // Generated Secrets (their keys become variables through secretKeyRef / envFrom).
  for (const dir of kustomizationDirs()) {
    for (const generator of loadKustomization(dir).secretGenerator) {
      if (!generator.name.startsWith('llmops')) continue;
      for (const key of Object.keys(literalsToMap(generator.literals))) add(key, `${dir}/kustomization.yaml`);
    }
  }
  return names;
}

describe('environment variables: manifests and compose use only names the config parsers read', () => {
  const sources = sourceFiles().map((file) => ({ file, text: readRepoFile(file) }));

  it.each([...PLATFORM_ENV_VARS])('%s occurs in the sources of libs/ or apps/', (name) => {
    const pattern = new RegExp(`\\b${name}\\b`);
    expect(sources.filter(({ text }) => pattern.test(text)).length).toBeGreaterThan(0);
  });

  it('lists every variable the platform config parsers read (the list is complete)', () => {
    const listed = new Set<string>(PLATFORM_ENV_VARS);
    const unlisted = [...platformParserEnvNames()].filter(([name]) => !listed.has(name));
    // If this fails, add the variable to tools/deploy/support/known-env-vars.ts and docs/deployment.md.
    expect(Object.fromEntries(unlisted)).toEqual({});
  });

  it('the Kubernetes manifests set no variable the code does not know', () => {
    const allowed = allowedEnvNames();
    const names = manifestEnvNames();
    expect(names.size).toBeGreaterThan(5);
    expect(Object.fromEntries([...names].filter(([name]) => !allowed.has(name)))).toEqual({});
  });

  it('docker-compose.yml sets no variable the code does not know, in any llmops service', () => {
    const allowed = allowedEnvNames();
    const compose = loadCompose();
    for (const name of [...SERVICE_NAMES, 'standalone']) {
      const target = compose.services[name];
      expect(target).toBeDefined();
      const unknown = Object.keys(serviceEnvironment(target!)).filter((key) => !allowed.has(key));
      expect({ service: name, unknown }).toEqual({ service: name, unknown: [] });
    }
  });

  it('the check catches a misspelt variable', () => {
    const allowed = allowedEnvNames();
    expect(allowed.has('KAFKA_BROKERS')).toBe(true);
    expect(allowed.has('KAFKA_BROKER')).toBe(false);
    expect(allowed.has('DATABASE_URI')).toBe(false);
  });

  it('docs/deployment.md documents every platform variable in its reference table', () => {
    const doc = readRepoFile('docs/deployment.md');
    const rows = new Set(
      doc
        .split('\n')
        .filter((line) => line.startsWith('|'))
        .flatMap((line) => [...line.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1])),
    );
    expect(PLATFORM_ENV_VARS.filter((name) => !rows.has(name))).toEqual([]);
  });
});
