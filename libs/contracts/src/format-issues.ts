import type { z } from 'zod';

/** One failing field: dotted path (`manifest.sha256`, `targets.0.weight`) and what is wrong with it. */
export interface FieldIssue {
  /** Dotted path of the field, `(root)` for the value itself. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
}

/** Flattens zod issues to dotted paths, one entry per failing field. */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map((segment) => String(segment)).join('.'),
    message: issue.message,
  }));
}

/** `a.b: message; c: message` — for logs and dead-letter headers. */
export function formatFieldIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}
