export { ProcessExecutor } from './process-executor';
export type { ProcessExecutorOptions } from './process-executor-options';
export { PROCESS_FAILURE_CODES, type ProcessFailureCode } from './process-failure-codes';
export { ProcessSettingsSchema, type ProcessSettings } from './process-settings';
export { PROTOCOL_ENV_NAMES } from './trainer-env';
export { artifactRoleOf, type ArtifactRole } from './artifact-role';
