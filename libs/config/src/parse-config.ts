import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from './config-error';

export type Env = Readonly<Record<string, string | undefined>>;

export interface ParseConfigOptions {
  /**
   * Per-service prefix, e.g. `INGESTION_`. `INGESTION_PORT` overrides `PORT`, so the standalone host can
   * give each service its own value while sharing everything else.
   */
  prefix?: string;
}

/**
 * Parses the environment once, at boot, into typed config. Services receive the result by injection and
 * never read `process.env` themselves. Empty strings count as unset (`FOO=` in a compose file or a
 * Kubernetes manifest means "use the default", not "the empty value").
 */
export function parseConfig<T>(
  schema: z.ZodType<T>,
  env: Env = process.env,
  options: ParseConfigOptions = {},
): T {
  const { values, sources } = collectEnv(env, options.prefix);
  const result = schema.safeParse(values);
  if (result.success) {
    return result.data;
  }
  const issues: ConfigIssue[] = result.error.issues.map((issue) => {
    const key = issue.path.map(String).join('.');
    const top = issue.path[0];
    const missing = typeof top === 'string' && values[top] === undefined;
    return {
      variable: key === '' ? '(root)' : typeof top === 'string' ? (sources.get(top) ?? key) : key,
      message: missing && issue.path.length === 1 ? 'Required' : issue.message,
    };
  });
  throw new ConfigError(issues);
}

function collectEnv(
  env: Env,
  prefix: string | undefined,
): { values: Record<string, string | undefined>; sources: Map<string, string> } {
  const values: Record<string, string | undefined> = {};
  const sources = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') {
      values[name] = value;
    }
  }
  if (prefix) {
    for (const [name, value] of Object.entries(env)) {
      if (name.startsWith(prefix) && name.length > prefix.length && value !== undefined && value !== '') {
        const key = name.slice(prefix.length);
        values[key] = value;
        sources.set(key, name);
      }
    }
  }
  return { values, sources };
}
