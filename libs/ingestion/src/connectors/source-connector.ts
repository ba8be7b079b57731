import type { z } from 'zod';
import { ConnectorError } from './connector.error';
import type { ConnectorContext } from './connector-context';
import type { SourceInput } from './source-input';

/** Kinds of source read by a connector; `upload` and `kafka` sources receive records instead. */
export const CONNECTOR_KINDS = ['http', 'git', 'postgres', 's3'] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

/** Reads one kind of source. */
export interface SourceConnector {
  readonly kind: ConnectorKind;
  /** Validates a submitted or stored config and fills its defaults. */
  readonly configSchema: z.ZodType;
  /**
   * Parses `config` (`invalid-config` when it does not fit, e.g. stored under an older schema) and
   * yields the source's inputs; consume each input's body before asking for the next.
   */
  open(config: unknown, ctx: ConnectorContext): AsyncGenerator<SourceInput, void, undefined>;
}

/** A connector from its schema and a typed open: the parse happens here, once for every kind. */
export function defineConnector<Config>(
  kind: ConnectorKind,
  configSchema: z.ZodType<Config>,
  open: (config: Config, ctx: ConnectorContext) => AsyncGenerator<SourceInput, void, undefined>,
): SourceConnector {
  return {
    kind,
    configSchema,
    async *open(config, ctx) {
      const parsed = configSchema.safeParse(config);
      if (!parsed.success) {
        const [issue] = parsed.error.issues;
        const field = issue?.path.map(String).join('.');
        throw new ConnectorError(
          'invalid-config',
          `${kind} config: ${field ?? ''}: ${issue?.message ?? 'invalid'}`,
          {
            ...(field === undefined ? {} : { field }),
            cause: parsed.error,
          },
        );
      }
      yield* open(parsed.data, ctx);
    },
  };
}
