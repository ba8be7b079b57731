export * from './connector.error';
export type { ConnectorContext, SkippedInput } from './connector-context';
export type { BytesSourceInput, InputProvenance, RowsSourceInput, SourceInput } from './source-input';
export { CONNECTOR_KINDS, type ConnectorKind, type SourceConnector } from './source-connector';
export { connectorConfigSchema, connectorFor, isConnectorKind } from './connector-registry';
export { SECRET_ENV_PREFIX, SecretRefSchema, type SecretRef } from './secret-ref';
export { DEFAULT_ALLOWED_CONTENT_TYPES, HttpSourceConfigSchema, type HttpSourceConfig } from './http.config';
export {
  DEFAULT_GIT_EXCLUDE,
  DEFAULT_GIT_INCLUDE,
  GitSourceConfigSchema,
  type GitSourceConfig,
} from './git.config';
export { PostgresSourceConfigSchema, type PostgresSourceConfig } from './postgres.config';
export { S3PrefixSourceConfigSchema, type S3PrefixSourceConfig } from './s3-prefix.config';
export { httpConnector, openHttpSource } from './http.connector';
export { gitConnector, openGitSource } from './git.connector';
export { openPostgresSource, postgresConnector } from './postgres.connector';
export { openS3PrefixSource, s3PrefixConnector } from './s3-prefix.connector';
