import { parse } from 'yaml';
import { isRecord, readRepoFile } from './repo-files';

/** Variables a user may set in the shell or `.env`; absent ones take the file's defaults. */
export type ComposeVars = Readonly<Record<string, string | undefined>>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Compose-file interpolation as `docker compose` does it: `$$` is a literal `$`; `$VAR`, `${VAR}`,
 * `${VAR:-default}` / `${VAR-default}` (when unset or empty / unset), `${VAR:?error}` / `${VAR?error}`,
 * `${VAR:+alt}` / `${VAR+alt}`. Defaults may nest further substitutions.
 */
export function interpolate(text: string, vars: ComposeVars): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    if (char !== '$') {
      out += char;
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const end = matchingBrace(text, i + 1);
      out += substitute(text.slice(i + 2, end), vars);
      i = end + 1;
      continue;
    }
    const name = NAME.exec(text.slice(i + 1))?.[0];
    if (name === undefined) throw new Error(`invalid interpolation at ${JSON.stringify(text.slice(i))}`);
    out += vars[name] ?? '';
    i += 1 + name.length;
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '$') {
      i += 1;
    } else if (text[i] === '{') {
      depth += 1;
    } else if (text[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new Error(`unterminated \${ in ${JSON.stringify(text)}`);
}

function substitute(expression: string, vars: ComposeVars): string {
  const name = NAME.exec(expression)?.[0];
  if (name === undefined) throw new Error(`invalid interpolation \${${expression}}`);
  const rest = expression.slice(name.length);
  const value = vars[name];
  if (rest === '') return value ?? '';
  const colon = rest.startsWith(':');
  const operator = rest.charAt(colon ? 1 : 0);
  const argument = rest.slice(colon ? 2 : 1);
  const unset = value === undefined || (colon && value === '');
  switch (operator) {
    case '-':
      return unset ? interpolate(argument, vars) : value;
    case '?':
      if (unset) throw new Error(`required variable ${name} is missing: ${argument}`);
      return value;
    case '+':
      return unset ? '' : interpolate(argument, vars);
    default:
      throw new Error(`invalid interpolation \${${expression}}`);
  }
}

function interpolateTree(value: unknown, vars: ComposeVars): unknown {
  if (typeof value === 'string') return interpolate(value, vars);
  if (Array.isArray(value)) return value.map((item) => interpolateTree(item, vars));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateTree(item, vars)]));
  }
  return value;
}

export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: unknown;
  entrypoint?: unknown;
  environment?: unknown;
  ports?: unknown;
  depends_on?: unknown;
  healthcheck?: { test?: unknown; disable?: boolean };
  profiles?: string[];
  volumes?: unknown;
  user?: string;
  restart?: string;
  [key: string]: unknown;
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  [key: string]: unknown;
}

/** docker-compose.yml with YAML merge keys (`<<: *anchor`) applied and variables interpolated. */
export function loadCompose(vars: ComposeVars = {}, file = 'docker-compose.yml'): ComposeFile {
  const raw: unknown = parse(readRepoFile(file), { merge: true });
  const tree = interpolateTree(raw, vars);
  if (!isRecord(tree) || !isRecord(tree['services'])) throw new Error(`${file} has no services`);
  for (const [name, service] of Object.entries(tree['services'])) {
    if (!isRecord(service)) throw new Error(`${file}: service ${name} is not a mapping`);
  }
  return tree as ComposeFile;
}

/** The raw (uninterpolated, merge keys applied) file, for checks on what is written rather than resolved. */
export function loadComposeRaw(file = 'docker-compose.yml'): ComposeFile {
  return parse(readRepoFile(file), { merge: true }) as ComposeFile;
}

/**
 * A service's environment as the container gets it: both compose forms (`KEY: value` and `- KEY=value`),
 * numbers as strings; a key with no value (`KEY:` / `- KEY`) would come from the shell, so it is left out.
 */
export function serviceEnvironment(service: ComposeService): Record<string, string> {
  const env: Record<string, string> = {};
  const { environment } = service;
  if (environment === undefined) return env;
  const put = (key: string, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (typeof value === 'string') env[key] = value;
    else if (typeof value === 'number') env[key] = String(value);
    else throw new Error(`environment ${key}: compose accepts strings and numbers only, got ${typeof value}`);
  };
  if (Array.isArray(environment)) {
    for (const entry of environment) {
      if (typeof entry !== 'string') throw new Error('environment list entries must be KEY=value strings');
      const at = entry.indexOf('=');
      if (at < 0) continue;
      put(entry.slice(0, at), entry.slice(at + 1));
    }
  } else if (isRecord(environment)) {
    for (const [key, value] of Object.entries(environment)) put(key, value);
  } else {
    throw new Error('environment must be a mapping or a list');
  }
  return env;
}

/** `depends_on` in either form, as `service -> condition` (`service_started` for the short form). */
export function dependsOn(service: ComposeService): Record<string, string> {
  const { depends_on: value } = service;
  if (value === undefined) return {};
  if (Array.isArray(value)) {
    return Object.fromEntries(value.map((name) => [String(name), 'service_started']));
  }
  if (!isRecord(value)) throw new Error('depends_on must be a list or a mapping');
  return Object.fromEntries(
    Object.entries(value).map(([name, spec]) => [
      name,
      isRecord(spec) && typeof spec['condition'] === 'string' ? spec['condition'] : 'service_started',
    ]),
  );
}

/** `command` / `entrypoint` / healthcheck `test` as an argv list (shell strings split on spaces). */
export function argv(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.map(String);
  throw new Error('expected a string or a list');
}

/** Published ports as `host:container` strings (short syntax), or from the long syntax. */
export function publishedPorts(service: ComposeService): { host: string; container: number }[] {
  const { ports } = service;
  if (ports === undefined) return [];
  if (!Array.isArray(ports)) throw new Error('ports must be a list');
  return ports.map((port: unknown) => {
    if (isRecord(port)) return { host: String(port['published']), container: Number(port['target']) };
    const parts = String(port).split(':');
    const container = Number(parts.at(-1)?.split('/')[0]);
    return { host: parts.length > 1 ? (parts.at(-2) ?? '') : '', container };
  });
}
