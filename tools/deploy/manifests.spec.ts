import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVICE_NAMES, type ServiceName } from '@llmops/contracts';
import { parsePlatformConfig, SERVICE_PORTS } from '@llmops/service-host';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IService } from 'kubernetes-models/v1/Service';
import {
  asConfigMap,
  asDeployment,
  containerEnv,
  isK8sObject,
  type K8sObject,
  KUSTOMIZATION_FILE,
  kustomizationDirs,
  literalsToMap,
  loadKustomization,
  loadYamlDocs,
  MODEL_CLASSES,
  typeKey,
  validateObject,
} from './support/k8s-manifests';
import { isYamlFile, listFiles, repoPath } from './support/repo-files';

const IMAGE = 'ghcr.io/llmops/llmops:latest';
const CONFIG_MAP = 'llmops-config';
const SECRET = 'llmops-secrets';
/** Secret keys every service reads through secretKeyRef; only AUTH_API_KEYS may be absent (JWT-only). */
const SECRET_KEYS = ['DATABASE_URL', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'AUTH_API_KEYS'];

/** What an operator would put in `llmops-secrets`, to parse the manifests' environment end to end. */
const SAMPLE_SECRET: Record<string, string> = {
  DATABASE_URL: 'postgres://llmops:s3cret@db.internal:5432/llmops',
  S3_ACCESS_KEY: 'AKIAEXAMPLE',
  S3_SECRET_KEY: 'example-secret-key',
  AUTH_API_KEYS: JSON.stringify([{ name: 'ops', hash: `sha256:${'a'.repeat(64)}`, roles: ['admin'] }]),
};

const docs = loadYamlDocs('deploy');
const KUSTOMIZE_TREES = ['deploy/base', 'deploy/overlays'];
const inKustomizeTree = (file: string): boolean =>
  KUSTOMIZE_TREES.some((tree) => file.startsWith(`${tree}/`));
const isKustomizationFile = (file: string): boolean => path.posix.basename(file) === KUSTOMIZATION_FILE;

/** Objects of the files a kustomization directory lists (resources and patches, not bases). */
function objectsOf(dir: string): K8sObject[] {
  const kustomization = loadKustomization(dir);
  const files = [...kustomization.resources, ...kustomization.patches]
    .map((entry) => path.posix.normalize(`${dir}/${entry}`))
    .filter((entry) => isYamlFile(entry));
  // Not validated here (that is each document's own test below), so one bad file fails one test.
  return docs
    .filter((doc) => files.includes(doc.file))
    .map((doc) => doc.value)
    .filter(isK8sObject);
}

const baseObjects = objectsOf('deploy/base');
const find = (objects: K8sObject[], kind: string, name: string): K8sObject | undefined =>
  objects.find((object) => object.kind === kind && object.metadata.name === name);

function serviceContainer(deployment: IDeployment, name: string): IContainer {
  const containers = deployment.spec?.template.spec?.containers ?? [];
  const container = containers.find((candidate) => candidate.name === name);
  if (!container) throw new Error(`Deployment ${name} has no container named ${name}`);
  return container;
}

function baseConfigData(): Record<string, string> {
  const configMap = find(baseObjects, 'ConfigMap', CONFIG_MAP);
  if (!configMap) throw new Error(`deploy/base has no ConfigMap ${CONFIG_MAP}`);
  return { ...(asConfigMap(configMap).data ?? {}) };
}

describe('deploy/: every YAML document is a valid Kubernetes object of a known kind', () => {
  it('finds the manifests', () => {
    expect(docs.length).toBeGreaterThan(SERVICE_NAMES.length * 2);
  });

  it.each(
    docs.filter((doc) => !isKustomizationFile(doc.file)).map((doc) => [`${doc.file}#${doc.index}`, doc]),
  )('%s', (_label, doc) => {
    if (doc.value === null) return; // an empty document (a trailing ---)
    const typed = isK8sObject(doc.value);
    // Outside the kustomize trees (e.g. a trainer's own config files) only Kubernetes objects are checked.
    if (!typed && !inKustomizeTree(doc.file)) return;
    expect(() => validateObject(doc)).not.toThrow();
  });

  it('rejects an unknown kind and an invalid object (the check itself works)', () => {
    const unknown = {
      file: 'x.yaml',
      index: 0,
      value: { apiVersion: 'v1', kind: 'Pdo', metadata: { name: 'x' } },
    };
    expect(() => validateObject(unknown)).toThrow(/unknown kind v1\/Pdo/);
    const invalid = {
      file: 'x.yaml',
      index: 0,
      value: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'x' },
        spec: { ports: [{ port: 'http' }] },
      },
    };
    expect(() => validateObject(invalid)).toThrow(/port/);
    expect(MODEL_CLASSES.has('apps/v1/Deployment')).toBe(true);
  });

  it('names every object once per kind inside each kustomize tree', () => {
    for (const dir of kustomizationDirs()) {
      const seen = new Set<string>();
      const kustomization = loadKustomization(dir);
      const patchFiles = new Set(
        kustomization.patches.map((entry) => path.posix.normalize(`${dir}/${entry}`)),
      );
      for (const object of objectsOf(dir)) {
        const key = `${typeKey(object)}/${object.metadata.name}`;
        const isPatch = docs.some((doc) => patchFiles.has(doc.file) && doc.value === object);
        if (isPatch) continue;
        expect({ dir, duplicate: seen.has(key) ? key : null }).toEqual({ dir, duplicate: null });
        seen.add(key);
      }
    }
  });
});

describe('deploy/base: one Deployment and one Service per service', () => {
  it('has exactly the seven services, the ConfigMap, training RBAC and nothing else', () => {
    const names = (kind: string): string[] =>
      baseObjects
        .filter((object) => object.kind === kind)
        .map((object) => object.metadata.name)
        .sort();
    expect(names('Deployment')).toEqual([...SERVICE_NAMES].sort());
    expect(names('Service')).toEqual([...SERVICE_NAMES].sort());
    expect(names('ConfigMap')).toEqual([CONFIG_MAP]);
    // The training service's Kubernetes executor: its account, a namespaced Role and the binding.
    expect(names('ServiceAccount')).toEqual(['llmops-training']);
    expect(names('Role')).toEqual(['llmops-training-jobs']);
    expect(names('RoleBinding')).toEqual(['llmops-training-jobs']);
    const known = ['Deployment', 'Service', 'ConfigMap', 'ServiceAccount', 'Role', 'RoleBinding'];
    expect(baseObjects.filter((object) => !known.includes(object.kind))).toEqual([]);
  });

  describe.each(SERVICE_NAMES.map((name): [ServiceName, number] => [name, SERVICE_PORTS[name]]))(
    '%s (port %d)',
    (name, port) => {
      const deploymentObject = find(baseObjects, 'Deployment', name);
      const serviceObject = find(baseObjects, 'Service', name);
      const deployment = deploymentObject ? asDeployment(deploymentObject) : undefined;
      const service = serviceObject as unknown as IService | undefined;

      it('runs the app from the shared image, as non-root', () => {
        const container = serviceContainer(deployment!, name);
        expect(container.image).toBe(IMAGE);
        expect(container.command).toEqual(['node', `dist/apps/${name}/src/main.js`]);
        const pod = deployment!.spec!.template.spec!;
        expect(pod.securityContext?.runAsNonRoot ?? container.securityContext?.runAsNonRoot).toBe(true);
        expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
        expect(container.securityContext?.capabilities?.drop).toEqual(['ALL']);
        // A Service named after a service would otherwise inject <NAME>_PORT=tcp://..., see the manifest.
        expect(pod.enableServiceLinks).toBe(false);
      });

      it('selects its own pods', () => {
        const spec = deployment!.spec!;
        const labels = spec.template.metadata?.labels ?? {};
        expect(spec.selector.matchLabels).toBeDefined();
        for (const [key, value] of Object.entries(spec.selector.matchLabels ?? {}))
          expect(labels[key]).toBe(value);
        expect(labels['app.kubernetes.io/name']).toBe(name);
      });

      it(`listens on ${port} and declares it`, () => {
        const container = serviceContainer(deployment!, name);
        expect(container.ports).toEqual([{ name: 'http', containerPort: port, protocol: 'TCP' }]);
        expect(container.env?.find((variable) => variable.name === 'PORT')?.value).toBe(String(port));
      });

      it('probes /health/ready for readiness and /health/live for liveness on that port', () => {
        const container = serviceContainer(deployment!, name);
        const matchesPort = (value: unknown): boolean => value === 'http' || value === port;
        expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
        expect(matchesPort(container.readinessProbe?.httpGet?.port)).toBe(true);
        expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
        expect(matchesPort(container.livenessProbe?.httpGet?.port)).toBe(true);
        if (container.startupProbe) expect(container.startupProbe.httpGet?.path).toBe('/health/live');
      });

      it('sets resource requests and limits', () => {
        const { resources } = serviceContainer(deployment!, name);
        expect(resources?.requests?.['cpu']).toBeDefined();
        expect(resources?.requests?.['memory']).toBeDefined();
        expect(resources?.limits?.['memory']).toBeDefined();
      });

      it('takes settings from the ConfigMap and credentials from the Secret', () => {
        const container = serviceContainer(deployment!, name);
        expect(container.envFrom).toEqual([{ configMapRef: { name: CONFIG_MAP } }]);
        for (const key of SECRET_KEYS) {
          const variable = container.env?.find((candidate) => candidate.name === key);
          expect({ key, ref: variable?.valueFrom?.secretKeyRef?.name }).toEqual({ key, ref: SECRET });
          expect(variable?.valueFrom?.secretKeyRef?.key).toBe(key);
          expect(variable?.value).toBeUndefined();
        }
        // Secrets never sit in the ConfigMap.
        for (const key of SECRET_KEYS) expect(Object.keys(baseConfigData())).not.toContain(key);
      });

      it('starts with an environment the platform config accepts: postgres, kafka, s3', () => {
        const env = containerEnv(serviceContainer(deployment!, name), {
          configMaps: new Map([[CONFIG_MAP, baseConfigData()]]),
          secrets: new Map([[SECRET, SAMPLE_SECRET]]),
        });
        const config = parsePlatformConfig(env, port);
        expect(config.base.PORT).toBe(port);
        expect(config.base.LLMOPS_MODE).toBe('distributed');
        expect(config.database.driver).toBe('postgres');
        expect(config.messaging.transport).toBe('kafka');
        expect(config.storage.driver).toBe('s3');
        expect(config.auth.apiKeys).toHaveLength(1);
      });

      it('is exposed by a ClusterIP Service on the same port', () => {
        expect(service?.spec?.type).toBe('ClusterIP');
        const podLabels = deployment!.spec!.template.metadata?.labels ?? {};
        const selector = service?.spec?.selector ?? {};
        expect(Object.keys(selector).length).toBeGreaterThan(0);
        for (const [key, value] of Object.entries(selector)) expect(podLabels[key]).toBe(value);
        expect(service?.spec?.ports).toHaveLength(1);
        const servicePort = service?.spec?.ports?.[0];
        expect(servicePort?.port).toBe(port);
        expect([port, 'http']).toContain(servicePort?.targetPort);
      });
    },
  );
});

describe('kustomizations list every manifest beside them and nothing that is missing', () => {
  const dirs = kustomizationDirs();

  it('has a base and a local overlay', () => {
    expect(dirs).toEqual(expect.arrayContaining(['deploy/base', 'deploy/overlays/local']));
  });

  it.each(dirs)('%s', (dir) => {
    const kustomization = loadKustomization(dir);
    const listed = new Set<string>();
    for (const entry of [...kustomization.resources, ...kustomization.patches]) {
      const target = path.posix.normalize(`${dir}/${entry}`);
      expect({ entry, exists: fs.existsSync(repoPath(target)) }).toEqual({ entry, exists: true });
      if (fs.statSync(repoPath(target)).isDirectory()) {
        expect({ entry, kustomization: fs.existsSync(repoPath(target, KUSTOMIZATION_FILE)) }).toEqual({
          entry,
          kustomization: true,
        });
      } else {
        listed.add(target);
      }
    }
    // Every YAML file of this directory's tree (not of a nested kustomization) is listed.
    const nested = dirs.filter((other) => other !== dir && other.startsWith(`${dir}/`));
    const own = listFiles(dir, isYamlFile).filter(
      (file) => !isKustomizationFile(file) && !nested.some((other) => file.startsWith(`${other}/`)),
    );
    expect(own.filter((file) => !listed.has(file))).toEqual([]);
  });
});

describe('deploy/overlays/local', () => {
  const overlay = loadKustomization('deploy/overlays/local');
  const objects = objectsOf('deploy/overlays/local');
  const secretData = literalsToMap(
    overlay.secretGenerator.find((generator) => generator.name === SECRET)?.literals ?? [],
  );

  it('retags the base image and scales only Deployments that exist', () => {
    expect(overlay.images).toEqual([
      expect.objectContaining({ name: IMAGE.split(':')[0], newTag: expect.any(String) }),
    ]);
    for (const { name, count } of overlay.replicas) {
      expect(SERVICE_NAMES).toContain(name);
      expect(count).toBeGreaterThanOrEqual(1);
    }
  });

  it('puts everything in a namespace it creates', () => {
    expect(overlay.namespace).toBeDefined();
    expect(
      objects.filter((object) => object.kind === 'Namespace').map((object) => object.metadata.name),
    ).toEqual([overlay.namespace]);
  });

  it('generates the Secret with every key the Deployments and infra reference', () => {
    const referenced = new Set<string>();
    for (const object of [...baseObjects, ...objects]) {
      if (object.kind !== 'Deployment' && object.kind !== 'StatefulSet') continue;
      const pod = (object as unknown as IDeployment).spec?.template.spec;
      for (const container of pod?.containers ?? []) {
        for (const variable of container.env ?? []) {
          const ref = variable.valueFrom?.secretKeyRef;
          if (ref?.name === SECRET) referenced.add(ref.key);
        }
      }
    }
    expect(Object.keys(secretData).sort()).toEqual([...referenced].sort());
  });

  it('patches only objects of the base, and the services still parse their config', () => {
    const patchFiles = overlay.patches.map((entry) => path.posix.normalize(`deploy/overlays/local/${entry}`));
    const patched = docs.filter((doc) => patchFiles.includes(doc.file)).map((doc) => doc.value);
    expect(patched.length).toBe(patchFiles.length);
    for (const target of patched) {
      expect(isK8sObject(target)).toBe(true);
      const { kind, metadata } = target as K8sObject;
      expect({
        kind,
        name: metadata.name,
        inBase: find(baseObjects, kind, metadata.name) !== undefined,
      }).toEqual({
        kind,
        name: metadata.name,
        inBase: true,
      });
    }
    const patch = objects.find(
      (object) => object.kind === 'ConfigMap' && object.metadata.name === CONFIG_MAP,
    );
    expect(patch).toBeDefined();
    const data = { ...baseConfigData(), ...(asConfigMap(patch!).data ?? {}) };
    for (const name of SERVICE_NAMES) {
      const deployment = asDeployment(find(baseObjects, 'Deployment', name)!);
      const env = containerEnv(serviceContainer(deployment, name), {
        configMaps: new Map([[CONFIG_MAP, data]]),
        secrets: new Map([[SECRET, secretData]]),
      });
      const config = parsePlatformConfig(env, SERVICE_PORTS[name]);
      expect([config.database.driver, config.messaging.transport, config.storage.driver]).toEqual([
        'postgres',
        'kafka',
        's3',
      ]);
    }
  });

  it('points the services at the infra it brings (Services and ports match the config)', () => {
    const patch = objects.find(
      (object) => object.kind === 'ConfigMap' && object.metadata.name === CONFIG_MAP,
    );
    const data = { ...baseConfigData(), ...(asConfigMap(patch!).data ?? {}) };
    const serviceAt = (host: string, port: number): boolean =>
      objects.some(
        (object) =>
          object.kind === 'Service' &&
          object.metadata.name === host &&
          ((object as unknown as IService).spec?.ports ?? []).some((candidate) => candidate.port === port),
      );
    for (const broker of (data['KAFKA_BROKERS'] ?? '').split(',')) {
      const [host = '', port = ''] = broker.trim().split(':');
      expect({ broker, found: serviceAt(host, Number(port)) }).toEqual({ broker, found: true });
    }
    const s3 = new URL(data['S3_ENDPOINT'] ?? '');
    expect(serviceAt(s3.hostname, Number(s3.port || (s3.protocol === 'https:' ? 443 : 80)))).toBe(true);
    const database = new URL(secretData['DATABASE_URL'] ?? '');
    expect(serviceAt(database.hostname, Number(database.port || 5432))).toBe(true);
  });
});
