import type * as ClientNode from '@kubernetes/client-node' with { 'resolution-mode': 'import' };

/** The @kubernetes/client-node module. */
export type KubernetesClientModule = typeof ClientNode;

let loading: Promise<KubernetesClientModule> | undefined;

/**
 * Loads @kubernetes/client-node, which is ESM-only. A dynamic import keeps it loadable from both
 * worlds: the CommonJS build turns it into `require`, which Node ≥ 20.19 allows for ES modules, and
 * jest (run with --experimental-vm-modules, dynamic imports left alone) loads it as ESM.
 */
export function loadKubernetesClient(): Promise<KubernetesClientModule> {
  loading ??= import('@kubernetes/client-node');
  return loading;
}
