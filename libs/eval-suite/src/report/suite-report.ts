import { SACREBLEU_COMPAT_VERSION } from '@llmops/eval-metrics';
import type { EvaluationPlan } from '../evaluation-plan';
import type { SuiteOutcome } from '../run-suite';

/** `report.json`, version 1. The caller's `context` members (ids, candidate, suite) sit beside these. */
export interface SuiteReport {
  readonly format: typeof REPORT_FORMAT;
  readonly plan: EvaluationPlan;
  readonly implementations: Readonly<Record<string, string>>;
  readonly itemCount: number;
  readonly metrics: SuiteOutcome['metrics'];
  readonly championMetrics: SuiteOutcome['championMetrics'];
  readonly comparisons: SuiteOutcome['comparisons'];
  readonly probes: SuiteOutcome['probes'];
  readonly gate: SuiteOutcome['gate'];
  readonly warnings: SuiteOutcome['warnings'];
  readonly [context: string]: unknown;
}

/** Format version of `report.json`; bump on incompatible changes. */
export const REPORT_FORMAT = 'llmops.evaluation-report/v1';

/**
 * `report.json`: everything an auditor needs to trust a verdict — what was evaluated on what, every
 * metric, the champion comparison with its bootstrap settings, each probe with its items, the gate's
 * reasons and the warnings. `context` carries the caller's identifiers (evaluation id, candidate, suite).
 */
export function buildReport(
  outcome: SuiteOutcome,
  plan: EvaluationPlan,
  context: Record<string, unknown>,
): SuiteReport {
  return {
    format: REPORT_FORMAT,
    ...context,
    plan,
    implementations: {
      bleu: `sacreBLEU ${SACREBLEU_COMPAT_VERSION} semantics (tok:13a, smooth:exp)`,
      rouge: 'rouge-score 0.1.2 semantics (no stemmer, score_multi over references)',
    },
    itemCount: outcome.itemCount,
    metrics: outcome.metrics,
    championMetrics: outcome.championMetrics,
    comparisons: outcome.comparisons,
    probes: outcome.probes,
    gate: outcome.gate,
    warnings: outcome.warnings,
  };
}

/** `predictions.jsonl`: one line per item with the prompt, references, both answers and the item's scores. */
export function predictionsJsonl(outcome: SuiteOutcome): string {
  return outcome.items.map((item) => JSON.stringify(item)).join('\n') + '\n';
}
