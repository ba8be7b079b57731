import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { SERVICE_NAMES } from '@llmops/contracts';
import { parsePlatformConfig, SERVICE_PORTS } from '@llmops/service-host';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IService } from 'kubernetes-models/v1/Service';
import { containerEnv, type K8sObject, kustomizationDirs, validateObject } from './support/k8s-manifests';
import { isRecord, REPO_ROOT } from './support/repo-files';

/**
 * Renders each kustomization with the real kustomize (`kubectl kustomize`, built into kubectl) and checks
 * the output: generated names rewritten, patches merged, every reference resolvable. Skipped where
 * kubectl is not installed; the static checks in manifests.spec.ts run everywhere.
 */
function kubectlAvailable(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const rendered = new Map<string, K8sObject[]>();

/**
 * kustomize folds long base64 values of generated Secrets over several lines; the API server's decoder
 * skips the newlines, the OpenAPI `format: byte` check of kubernetes-models does not.
 */
function unwrapSecretData(value: unknown): unknown {
  if (!isRecord(value) || value['kind'] !== 'Secret' || !isRecord(value['data'])) return value;
  const data = Object.fromEntries(
    Object.entries(value['data']).map(([key, item]) => [
      key,
      typeof item === 'string' ? item.replace(/\s+/g, '') : item,
    ]),
  );
  return { ...value, data };
}

/** Rendered lazily (inside tests), so that a machine without kubectl only skips. */
function render(dir: string): K8sObject[] {
  const cached = rendered.get(dir);
  if (cached) return cached;
  const output = execFileSync('kubectl', ['kustomize', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
  const objects = parseAllDocuments(output).map((document, index) =>
    validateObject({ file: `kubectl kustomize ${dir}`, index, value: unwrapSecretData(document.toJS()) }),
  );
  rendered.set(dir, objects);
  return objects;
}

const podTemplates = (objects: K8sObject[]): { owner: string; spec: IDeployment['spec'] }[] =>
  objects
    .filter((object) => object.kind === 'Deployment' || object.kind === 'StatefulSet')
    .map((object) => ({ owner: object.metadata.name, spec: (object as unknown as IDeployment).spec }));

(kubectlAvailable() ? describe : describe.skip)('kubectl kustomize renders every kustomization', () => {
  describe.each(kustomizationDirs())('%s', (dir) => {
    let objects: K8sObject[] = [];
    beforeAll(() => {
      objects = render(dir);
    });

    it('renders valid objects, each name once per kind', () => {
      expect(objects.length).toBeGreaterThanOrEqual(SERVICE_NAMES.length * 2 + 1);
      const keys = objects.map((object) => `${object.kind}/${object.metadata.name}`);
      expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    });

    it('resolves every ConfigMap and Secret reference inside the rendered set (when the set brings them)', () => {
      const names = (kind: string): Set<string> =>
        new Set(objects.filter((object) => object.kind === kind).map((object) => object.metadata.name));
      const configMaps = names('ConfigMap');
      const secrets = names('Secret');
      for (const { owner, spec } of podTemplates(objects)) {
        for (const container of spec?.template.spec?.containers ?? []) {
          for (const from of container.envFrom ?? []) {
            if (from.configMapRef)
              expect({ owner, ref: configMaps.has(from.configMapRef.name ?? '') }).toEqual({
                owner,
                ref: true,
              });
          }
          for (const variable of container.env ?? []) {
            const ref = variable.valueFrom?.secretKeyRef;
            // The base leaves the Secret to the operator; once an overlay generates it, names must match.
            if (ref && secrets.size > 0)
              expect({ owner, secret: secrets.has(ref.name ?? '') }).toEqual({ owner, secret: true });
          }
        }
      }
    });

    it('routes every Service to pods of the rendered set', () => {
      const templates = podTemplates(objects).map(({ spec }) => spec?.template.metadata?.labels ?? {});
      for (const object of objects.filter((candidate) => candidate.kind === 'Service')) {
        const selector = (object as unknown as IService).spec?.selector ?? {};
        const matches = templates.some((labels) =>
          Object.entries(selector).every(([key, value]) => labels[key] === value),
        );
        expect({ service: object.metadata.name, matches }).toEqual({
          service: object.metadata.name,
          matches: true,
        });
      }
    });
  });

  describe('deploy/overlays/local, rendered', () => {
    let objects: K8sObject[] = [];
    let secret: K8sObject | undefined;
    let configMap: K8sObject | undefined;
    beforeAll(() => {
      objects = render('deploy/overlays/local');
      secret = objects.find((object) => object.kind === 'Secret');
      configMap = objects.find((object) => object.kind === 'ConfigMap');
    });

    it('places everything namespaced in its namespace', () => {
      for (const object of objects.filter((candidate) => candidate.kind !== 'Namespace')) {
        expect({ object: object.metadata.name, namespace: object.metadata.namespace }).toEqual({
          object: object.metadata.name,
          namespace: 'llmops',
        });
      }
    });

    it('runs the retagged image and the overlay replica counts', () => {
      for (const name of SERVICE_NAMES) {
        const deployment = objects.find(
          (object) => object.kind === 'Deployment' && object.metadata.name === name,
        );
        const spec = (deployment as unknown as IDeployment | undefined)?.spec;
        expect(spec?.template.spec?.containers[0]?.image).toBe('llmops:local');
        expect(spec?.replicas).toBe(name === 'serving' ? 2 : 1);
      }
    });

    it('gives each service an environment that selects postgres, kafka and s3', () => {
      const data = (configMap as { data?: Record<string, string> } | undefined)?.data ?? {};
      expect(data['LOG_LEVEL']).toBe('debug'); // the patch
      expect(data['STORAGE_DRIVER']).toBe('s3'); // kept from the base
      const secretData = Object.fromEntries(
        Object.entries((secret as { data?: Record<string, string> } | undefined)?.data ?? {}).map(
          ([key, value]) => [key, Buffer.from(value, 'base64').toString('utf8')],
        ),
      );
      for (const name of SERVICE_NAMES) {
        const deployment = objects.find(
          (object) => object.kind === 'Deployment' && object.metadata.name === name,
        );
        const container = (deployment as unknown as IDeployment).spec?.template.spec?.containers[0];
        const env = containerEnv(container!, {
          configMaps: new Map([[configMap!.metadata.name, data]]),
          secrets: new Map([[secret!.metadata.name, secretData]]),
        });
        const config = parsePlatformConfig(env, SERVICE_PORTS[name]);
        expect([
          config.base.PORT,
          config.database.driver,
          config.messaging.transport,
          config.storage.driver,
        ]).toEqual([SERVICE_PORTS[name], 'postgres', 'kafka', 's3']);
      }
    });
  });
});
