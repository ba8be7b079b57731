import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { ConfigMap, type IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { isRecord, isYamlFile, listFiles, readRepoFile } from './repo-files';

type ModelClass = new (data: never) => { validate(): void };

/**
 * The kinds deploy/ may contain, each with the `kubernetes-models` class that validates it against the
 * official OpenAPI schema. Anything else (a CRD, a typo in `kind` or `apiVersion`) fails the tests.
 */
export const MODEL_CLASSES: ReadonlyMap<string, ModelClass> = new Map<string, ModelClass>([
  ['apps/v1/Deployment', Deployment],
  ['apps/v1/StatefulSet', StatefulSet],
  ['v1/Service', Service],
  ['v1/ConfigMap', ConfigMap],
  ['v1/Secret', Secret],
  ['v1/Namespace', Namespace],
  ['v1/ServiceAccount', ServiceAccount],
  ['v1/PersistentVolumeClaim', PersistentVolumeClaim],
  ['batch/v1/Job', Job],
  ['batch/v1/CronJob', CronJob],
  ['policy/v1/PodDisruptionBudget', PodDisruptionBudget],
  ['autoscaling/v2/HorizontalPodAutoscaler', HorizontalPodAutoscaler],
  ['networking.k8s.io/v1/Ingress', Ingress],
  ['networking.k8s.io/v1/NetworkPolicy', NetworkPolicy],
  ['rbac.authorization.k8s.io/v1/Role', Role],
  ['rbac.authorization.k8s.io/v1/RoleBinding', RoleBinding],
  ['rbac.authorization.k8s.io/v1/ClusterRole', ClusterRole],
  ['rbac.authorization.k8s.io/v1/ClusterRoleBinding', ClusterRoleBinding],
]);

export const KUSTOMIZATION_FILE = 'kustomization.yaml';

/** One YAML document of a file under deploy/. */
export interface ManifestDoc {
  /** Repository-relative path. */
  file: string;
  /** Position of the document in its file (0-based). */
  index: number;
  /** `null` for an empty document (`---` at the end of a file). */
  value: unknown;
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
}

export function typeKey(object: { apiVersion: string; kind: string }): string {
  return `${object.apiVersion}/${object.kind}`;
}

export function isK8sObject(value: unknown): value is K8sObject {
  return (
    isRecord(value) &&
    typeof value['apiVersion'] === 'string' &&
    typeof value['kind'] === 'string' &&
    isRecord(value['metadata']) &&
    typeof value['metadata']['name'] === 'string'
  );
}

/** Every document of every YAML file under `dir` (default deploy/); throws on YAML syntax errors. */
export function loadYamlDocs(dir = 'deploy'): ManifestDoc[] {
  const docs: ManifestDoc[] = [];
  for (const file of listFiles(dir, isYamlFile)) {
    parseAllDocuments(readRepoFile(file)).forEach((document, index) => {
      if (document.errors.length > 0) {
        throw new Error(`${file} (document ${index}): ${document.errors.map((e) => e.message).join('; ')}`);
      }
      docs.push({ file, index, value: document.toJS() as unknown });
    });
  }
  return docs;
}

/** Validates with the matching `kubernetes-models` class; throws naming the file on any problem. */
export function validateObject(doc: ManifestDoc): K8sObject {
  const where = `${doc.file} (document ${doc.index})`;
  if (!isK8sObject(doc.value))
    throw new Error(`${where}: not a Kubernetes object (apiVersion, kind, metadata.name)`);
  const Model = MODEL_CLASSES.get(typeKey(doc.value));
  if (!Model) throw new Error(`${where}: unknown kind ${typeKey(doc.value)}`);
  try {
    new Model(doc.value as never).validate();
  } catch (error) {
    throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return doc.value;
}

/** A parsed `kustomization.yaml`, with the fields these manifests use. */
export interface Kustomization {
  /** Repository-relative directory. */
  dir: string;
  resources: string[];
  patches: string[];
  namespace?: string;
  images: { name: string; newName?: string; newTag?: string }[];
  replicas: { name: string; count: number }[];
  secretGenerator: { name: string; literals: string[] }[];
}

function stringList(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw new Error(`${where} must be a list of strings`);
  }
  return value;
}

export function loadKustomization(dir: string): Kustomization {
  const file = `${dir}/${KUSTOMIZATION_FILE}`;
  const raw: unknown = parseAllDocuments(readRepoFile(file))[0]?.toJS();
  if (!isRecord(raw)) throw new Error(`${file} is not a mapping`);
  if (raw['apiVersion'] !== 'kustomize.config.k8s.io/v1beta1' || raw['kind'] !== 'Kustomization') {
    throw new Error(`${file}: expected apiVersion kustomize.config.k8s.io/v1beta1, kind Kustomization`);
  }
  const patches = (Array.isArray(raw['patches']) ? raw['patches'] : []).map((patch: unknown) => {
    if (!isRecord(patch) || typeof patch['path'] !== 'string')
      throw new Error(`${file}: patches need a path`);
    return patch['path'];
  });
  const list = (key: string): Record<string, unknown>[] => {
    const value = raw[key];
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every(isRecord))
      throw new Error(`${file}: ${key} must be a list of mappings`);
    return value;
  };
  return {
    dir,
    resources: stringList(raw['resources'], `${file}: resources`),
    patches,
    ...(typeof raw['namespace'] === 'string' ? { namespace: raw['namespace'] } : {}),
    images: list('images').map((image) => ({
      name: String(image['name']),
      ...(typeof image['newName'] === 'string' ? { newName: image['newName'] } : {}),
      ...(typeof image['newTag'] === 'string' ? { newTag: image['newTag'] } : {}),
    })),
    replicas: list('replicas').map((entry) => ({
      name: String(entry['name']),
      count: Number(entry['count']),
    })),
    secretGenerator: list('secretGenerator').map((generator) => ({
      name: String(generator['name']),
      literals: stringList(generator['literals'], `${file}: secretGenerator literals`),
    })),
  };
}

/** Directories (repository-relative) under deploy/ that hold a kustomization.yaml. */
export function kustomizationDirs(): string[] {
  return listFiles('deploy', (name) => name === KUSTOMIZATION_FILE).map((file) => path.posix.dirname(file));
}

/** `key=value` literals of a secretGenerator as a map (the value keeps any further `=`). */
export function literalsToMap(literals: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    literals.map((literal) => {
      const at = literal.indexOf('=');
      if (at <= 0) throw new Error(`secretGenerator literal without key=value: ${literal}`);
      return [literal.slice(0, at), literal.slice(at + 1)];
    }),
  );
}

export interface EnvSources {
  configMaps: ReadonlyMap<string, Readonly<Record<string, string>>>;
  secrets: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/**
 * The environment a container would start with: `envFrom` first, then `env` (which wins), as the
 * kubelet does. Optional references to absent keys are skipped; required ones throw.
 */
export function containerEnv(container: IContainer, sources: EnvSources): Record<string, string> {
  const env: Record<string, string> = {};
  const lookup = (
    kind: 'configMap' | 'secret',
    name: string | undefined,
    key: string,
    optional: boolean | undefined,
  ): string | undefined => {
    const data = (kind === 'configMap' ? sources.configMaps : sources.secrets).get(name ?? '');
    const value = data?.[key];
    if (value === undefined && optional !== true) throw new Error(`${kind} ${name ?? '?'} has no key ${key}`);
    return value;
  };
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef) {
      const data = sources.configMaps.get(from.configMapRef.name ?? '');
      if (!data && from.configMapRef.optional !== true)
        throw new Error(`no ConfigMap ${from.configMapRef.name ?? '?'}`);
      for (const [key, value] of Object.entries(data ?? {})) env[`${from.prefix ?? ''}${key}`] = value;
    }
    if (from.secretRef) {
      const data = sources.secrets.get(from.secretRef.name ?? '');
      if (!data && from.secretRef.optional !== true)
        throw new Error(`no Secret ${from.secretRef.name ?? '?'}`);
      for (const [key, value] of Object.entries(data ?? {})) env[`${from.prefix ?? ''}${key}`] = value;
    }
  }
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom;
    let value: string | undefined = variable.value ?? '';
    if (ref?.secretKeyRef) {
      const { name, key, optional } = ref.secretKeyRef;
      value = lookup('secret', name, key, optional);
    } else if (ref?.configMapKeyRef) {
      const { name, key, optional } = ref.configMapKeyRef;
      value = lookup('configMap', name, key, optional);
    } else if (ref) {
      throw new Error(`${variable.name}: only value, secretKeyRef and configMapKeyRef are modelled here`);
    }
    if (value !== undefined) env[variable.name] = value;
  }
  return env;
}

export function asDeployment(object: K8sObject): IDeployment {
  if (typeKey(object) !== 'apps/v1/Deployment')
    throw new Error(`${object.metadata.name} is not a Deployment`);
  return object as unknown as IDeployment;
}

export function asConfigMap(object: K8sObject): IConfigMap {
  if (typeKey(object) !== 'v1/ConfigMap') throw new Error(`${object.metadata.name} is not a ConfigMap`);
  return object as unknown as IConfigMap;
}
