export { KubernetesExecutor, type KubernetesExecutorOptions } from './kubernetes-executor';
export type { KubeConfigSource } from './kube-config-source';
export type { TrainerObjectStore } from './build-training-job';
export {
  KubernetesRunSettingsSchema,
  RESERVED_ENV_NAMES,
  type KubernetesRunSettings,
  type KubernetesRunSettingsInput,
  type SettingsIssue,
} from './kubernetes-run-settings';
export { KUBERNETES_FAILURE_CODES, type KubernetesFailureCode } from './job-status';
export { ExecutorDetachedError, isShutdownReason } from './executor-detached.error';
export { ARTIFACT_MANIFEST_FILE } from './collect-run-artifacts';
export { artifactRole } from './artifact-role';
export { KubernetesApiError } from './kubernetes-api.error';
