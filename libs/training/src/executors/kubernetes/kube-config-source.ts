import type { KubeConfig } from '@kubernetes/client-node' with { 'resolution-mode': 'import' };
import type { KubernetesClientModule } from './kubernetes-client.loader';

/**
 * Where the executor finds the API server and its credentials: the pod's service account when training
 * runs in the cluster (`TRAINING_KUBECONFIG` unset), or a kubeconfig file or its content.
 */
export type KubeConfigSource =
  | { kind: 'in-cluster' }
  | {
      kind: 'file';
      /** Path of a kubeconfig file. */
      path: string;
      /** Context to use instead of the file's current-context. */
      context?: string;
    }
  | {
      kind: 'yaml';
      /** Kubeconfig content (YAML or JSON). */
      yaml: string;
      /** Context to use instead of the content's current-context. */
      context?: string;
    };

/** Builds a client-node KubeConfig from `source`. */
export function loadKubeConfig(k8s: KubernetesClientModule, source: KubeConfigSource): KubeConfig {
  const config = new k8s.KubeConfig();
  switch (source.kind) {
    case 'in-cluster':
      config.loadFromCluster();
      return config;
    case 'file':
      config.loadFromFile(source.path);
      break;
    case 'yaml':
      config.loadFromString(source.yaml);
      break;
  }
  if (source.context !== undefined) config.setCurrentContext(source.context);
  return config;
}
