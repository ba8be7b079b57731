import { z } from 'zod';

import { PROTOCOL_ENV_NAMES } from './trainer-env';

/**
 * Variables a run spec may not set: the protocol's own, and the ones that make a loader or interpreter run
 * code the allow-list never approved (a preload library, an injected module path or startup script).
 */
const RESERVED_ENV = new Set<string>([
  ...PROTOCOL_ENV_NAMES,
  'PATH',
  'NODE_OPTIONS',
  'PYTHONPATH',
  'PYTHONHOME',
  'PYTHONSTARTUP',
  'PYTHONUSERBASE',
  'BASH_ENV',
  'ENV',
  'PERL5OPT',
  'PERL5LIB',
  'RUBYOPT',
  'JAVA_TOOL_OPTIONS',
]);
const RESERVED_ENV_PREFIXES = ['LD_', 'DYLD_'];

const EnvNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a variable name (letters, digits, _)')
  .max(128)
  .refine(
    (name) => !RESERVED_ENV.has(name) && !RESERVED_ENV_PREFIXES.some((prefix) => name.startsWith(prefix)),
    'is reserved: the protocol sets it, or it would let the run load code the allow-list never approved',
  );

/** A run spec's `settings` for the `process` executor. There is no `cwd`: each run gets its own directory. */
export const ProcessSettingsSchema = z.strictObject({
  /** A command name from the service's allow-list, or (only where the service allows it) a whole argv. */
  command: z.union([z.string().min(1).max(128), z.array(z.string().min(1).max(4096)).min(1).max(64)]),
  /** Arguments appended to the command's argv. */
  args: z.array(z.string().max(4096)).max(256).default([]),
  /** Extra environment variables for the trainer (never the protocol's, never loader hooks). */
  env: z.record(EnvNameSchema, z.string().max(32_768)).default({}),
  /** Stop the trainer (SIGTERM, then SIGKILL) and fail the run after this many seconds. */
  timeoutSeconds: z
    .int()
    .min(1)
    .max(30 * 24 * 3600)
    .optional(),
});

export type ProcessSettings = z.output<typeof ProcessSettingsSchema>;

/** The service's policy on which commands run specs may start. */
export interface CommandPolicy {
  /** Name → argv; a bare program (the list form of the allow-list) maps to itself: `p → [p]`. */
  allowedCommands: Readonly<Record<string, readonly string[]>>;
  /** Any argv is accepted (a developer's own machine only). */
  allowArgvCommands: boolean;
}

/** The allow-list in either form the service config may give, as `CommandPolicy['allowedCommands']`. */
export function normalizeAllowedCommands(
  allowed: readonly string[] | Readonly<Record<string, readonly string[]>> | undefined,
): Readonly<Record<string, readonly string[]>> {
  if (allowed === undefined) return {};
  if (!isStringList(allowed)) return allowed;
  return Object.fromEntries(allowed.map((program) => [program, [program]]));
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value);
}

/** An issue in the shape `TrainingExecutor.validateSettings` returns. */
export interface SettingsIssue {
  path: string;
  message: string;
}

/** The settings parsed, with the argv they resolve to; or every issue found. */
export type ResolvedSettings =
  | {
      ok: true;
      settings: ProcessSettings;
      /** How the lineage names the command: the allow-list name, or the argv program's base name. */
      commandName: string;
      /** What is started: the command's argv, then `args`. */
      argv: string[];
      /** The command's argv without `args` (where its script is looked for). */
      commandArgv: string[];
    }
  | { ok: false; issues: SettingsIssue[] };

const allowedEntry = (policy: CommandPolicy, name: string): readonly string[] | undefined =>
  Object.hasOwn(policy.allowedCommands, name) ? policy.allowedCommands[name] : undefined;

/**
 * Parses `settings` and checks the command against the allow-list: a name must be on it; an argv is
 * accepted when its program is itself an allow-listed program (`p → [p]`), or when the service accepts
 * any argv.
 */
export function resolveProcessSettings(settings: unknown, policy: CommandPolicy): ResolvedSettings {
  const parsed = ProcessSettingsSchema.safeParse(settings ?? {});
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error.issues) };
  const { command, args } = parsed.data;
  const names = Object.keys(policy.allowedCommands);
  const allowed = names.length === 0 ? 'this service allows none' : `allowed: ${names.join(', ')}`;
  if (typeof command === 'string') {
    const entry = allowedEntry(policy, command);
    if (entry === undefined || entry.length === 0) {
      return issue(`"${command}" is not an allowed command (${allowed})`);
    }
    return {
      ok: true,
      settings: parsed.data,
      commandName: command,
      argv: [...entry, ...args],
      commandArgv: [...entry],
    };
  }
  const program = command[0] ?? '';
  const entry = allowedEntry(policy, program);
  const programAllowed = entry?.length === 1 && entry[0] === program;
  if (!programAllowed && !policy.allowArgvCommands) {
    return issue(`the argv's program "${program}" is not an allowed command (${allowed})`);
  }
  const name = program.slice(program.lastIndexOf('/') + 1);
  return {
    ok: true,
    settings: parsed.data,
    commandName: name,
    argv: [...command, ...args],
    commandArgv: [...command],
  };
}

function issue(message: string): ResolvedSettings {
  return { ok: false, issues: [{ path: 'command', message }] };
}

function toIssues(issues: readonly z.core.$ZodIssue[]): SettingsIssue[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: path === '' ? key : `${path}.${key}`,
        message:
          key === 'cwd'
            ? 'not a process setting: every run runs in its own directory'
            : 'not a process setting (command, args, env, timeoutSeconds)',
      }));
    }
    return [{ path: path === '' ? '(root)' : path, message: issue.message }];
  });
}
