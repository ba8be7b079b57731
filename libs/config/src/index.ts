export { ConfigError, type ConfigIssue } from './config-error';
export { parseConfig, type Env, type ParseConfigOptions } from './parse-config';
export { envBoolean, envInt, envList, envUrl } from './env-schemas';
export {
  baseServiceConfigSchema,
  LLMOPS_MODES,
  LOG_LEVELS,
  type BaseServiceConfig,
  type LlmopsMode,
  type LogLevel,
} from './base-service-config.schema';
