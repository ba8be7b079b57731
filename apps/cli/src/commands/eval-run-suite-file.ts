import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import {
  EvaluationPlanSchema,
  GatePolicyRulesSchema,
  type EvaluationPlan,
  type GatePolicyRules,
} from '@llmops/eval-suite';
import { CliInputError } from './data-input';

/** A suite file for `llmops eval run`: the service's evaluation plan, a local data file and a gate. */
export const SuiteFileSchema = EvaluationPlanSchema.extend({
  /** Held-out records (JSONL, JSON, CSV, Parquet, ..., optionally .gz), relative to the suite file. */
  data: z.string().min(1),
  /** The gate the result must pass; without one the run carries no verdict and exits 0. */
  gate: GatePolicyRulesSchema.optional(),
  /** Free text for people reading the suite; not used. */
  name: z.string().optional(),
  description: z.string().optional(),
}).strict();

export interface SuiteFile {
  readonly plan: EvaluationPlan;
  readonly gate: GatePolicyRules | null;
  /** The data file as the user can open it: the suite's `data` resolved against the suite's folder. */
  readonly dataFile: string;
}

/** Reads and validates a suite file; every problem is a `CliInputError` naming the file and field. */
export function loadSuiteFile(file: string): SuiteFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliInputError(
      `${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CliInputError(
      `${file}: invalid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = SuiteFileSchema.safeParse(raw);
  if (!parsed.success) throw new CliInputError(`${file}: ${describeIssues(parsed.error, raw).join('; ')}`);
  const { data, gate, name: _name, description: _description, ...plan } = parsed.data;
  return {
    plan,
    gate: gate ?? null,
    dataFile: isAbsolute(data) ? data : join(dirname(file), data),
  };
}

/** One entry per issue: `metrics[1]: "rogue" is not one of bleu, chrf, ...`, `metric: unknown field`. */
export function describeIssues(error: z.ZodError, input: unknown): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => `${issuePath([...issue.path, key])}: unknown field`);
    const path = issuePath(issue.path);
    if (issue.code === 'invalid_value' && issue.values.length > 1) {
      const value = valueAt(input, issue.path);
      const shown = value === undefined ? 'nothing' : JSON.stringify(value);
      return [`${path}: ${shown} is not one of ${issue.values.map(String).join(', ')}`];
    }
    return [`${path}: ${issue.message}`];
  });
}

function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path)
    out += typeof key === 'number' ? `[${String(key)}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(suite)';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
