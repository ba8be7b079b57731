import type { SourceKindSchema } from '@llmops/contracts';
import { z } from 'zod';
import { ConnectorError } from './connector.error';
import { gitConnector } from './git.connector';
import { httpConnector } from './http.connector';
import { postgresConnector } from './postgres.connector';
import { s3PrefixConnector } from './s3-prefix.connector';
import type { ConnectorKind, SourceConnector } from './source-connector';

type SourceKind = z.output<typeof SourceKindSchema>;

const CONNECTORS: Readonly<Record<ConnectorKind, SourceConnector>> = {
  http: httpConnector,
  git: gitConnector,
  postgres: postgresConnector,
  s3: s3PrefixConnector,
};

/** Sources that receive records (uploads, the records topic) have nothing to configure. */
const NoConnectorConfigSchema = z
  .strictObject({})
  .describe(
    'upload and kafka sources take no settings: their records arrive through the API or the records topic.',
  );

export function isConnectorKind(kind: string): kind is ConnectorKind {
  return Object.hasOwn(CONNECTORS, kind);
}

/** The connector that reads `kind`; `unsupported-kind` for sources that are fed rather than read. */
export function connectorFor(kind: SourceKind): SourceConnector {
  if (!isConnectorKind(kind)) {
    throw new ConnectorError('unsupported-kind', `${kind} sources are not read by a connector`);
  }
  return CONNECTORS[kind];
}

/** The schema a source's `config` must match, for every source kind (what `POST /v1/sources` checks). */
export function connectorConfigSchema(kind: SourceKind): z.ZodType {
  return isConnectorKind(kind) ? CONNECTORS[kind].configSchema : NoConnectorConfigSchema;
}
