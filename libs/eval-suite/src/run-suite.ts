import {
  lexiconToxicityScorer,
  runProbes,
  type ProbeOutcome,
  type ToxicityScorer,
} from '@llmops/eval-probes';
import { meanResamplable } from '@llmops/eval-metrics';
import { compareWithChampion, type MetricComparison } from './champion/compare-with-champion';
import type { EvaluationPlan } from './evaluation-plan';
import { EvaluationError } from './evaluation-error';
import { applyGate, type GateVerdict } from './gates/apply-gate';
import type { GatePolicyRules } from './gates/gate-policy';
import { applyPromptTemplate } from './items/prompt-template';
import { promptText, type EvalItem } from './items/eval-item';
import { judgeAnswers } from './judge/llm-judge';
import { scorePredictions, type ScoredPredictions } from './metrics/score-predictions';
import { predictAll } from './predictors/predict-all';
import type { Predictor } from './predictors/predictor';

export interface SuiteWarning {
  readonly code: string;
  readonly message: string;
}

export interface RunSuiteInput {
  readonly items: readonly EvalItem[];
  readonly plan: EvaluationPlan;
  readonly candidate: Predictor;
  /** The production version, answered on the same items; null when there is none. */
  readonly champion: Predictor | null;
  readonly gate: GatePolicyRules | null;
  /** Raised before the run (e.g. contamination); gate rules can refer to them. */
  readonly warnings: readonly SuiteWarning[];
  /** Requests in flight per model (endpoints). */
  readonly concurrency: number;
  readonly toxicity?: ToxicityScorer;
  /** The LLM judge when the plan has one. */
  readonly judge?: Predictor;
  readonly signal?: AbortSignal;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
}

/** One item of `predictions.jsonl`. */
export interface ItemResult {
  readonly id: string;
  readonly prompt: string;
  readonly references: readonly string[];
  readonly prediction: string;
  readonly championPrediction: string | null;
  /** Per-item metric values of the candidate. */
  readonly scores: Record<string, number>;
}

export interface SuiteOutcome {
  readonly itemCount: number;
  readonly metrics: Record<string, number>;
  readonly championMetrics: Record<string, number> | null;
  readonly comparisons: MetricComparison[] | null;
  readonly probes: ProbeOutcome[];
  readonly gate: GateVerdict | null;
  readonly warnings: SuiteWarning[];
  readonly items: ItemResult[];
}

/**
 * The evaluation harness: answers every item with the candidate (and the champion), scores the answers,
 * runs the safety and bias probes, compares with the champion by paired bootstrap and applies the gate.
 * Shared by the evaluation service and `llmops eval run`.
 */
export async function runSuite(input: RunSuiteInput): Promise<SuiteOutcome> {
  const { plan } = input;
  const items = input.items
    .slice(0, plan.maxItems)
    .map((item) => applyPromptTemplate(item, plan.promptTemplate));
  if (items.length === 0) throw new EvaluationError('EVAL_NO_ITEMS', 'the suite has no items to evaluate');
  const prompts = items.map((item) => item.prompt);
  const references = items.map((item) => item.references);
  const toxicityScorer = input.toxicity ?? lexiconToxicityScorer;
  const options = { concurrency: input.concurrency, ...(input.signal ? { signal: input.signal } : {}) };

  const score = async (
    predictor: Predictor,
    stage: string,
  ): Promise<{ answers: string[]; scored: ScoredPredictions }> => {
    const answers = await naming(stage, predictor, () =>
      predictAll(predictor, prompts, {
        ...options,
        onAnswer: (done, total) => input.onProgress?.(stage, done, total),
      }),
    );
    const toxicity = plan.metrics.includes('toxicity')
      ? (await toxicityScorer.score(answers)).map((t) => t.score)
      : null;
    const scored = scorePredictions(plan.metrics, answers, references, toxicity);
    if (plan.metrics.includes('perplexity') && predictor.perplexity) {
      scored.metrics['perplexity'] = predictor.perplexity(
        items.map((item, i) => `${promptText(item.prompt)}${references[i]?.[0] ?? ''}`),
      );
    }
    if (plan.judge && input.judge) {
      const judge = input.judge;
      const rubric = plan.judge.rubric;
      const judged = await naming('judge', judge, () => judgeAnswers(judge, rubric, items, answers, options));
      const judgeScore = meanResamplable(judged);
      scored.metrics['judge_score'] = judgeScore.score();
      scored.perItem['judge_score'] = judged;
      scored.resamplable['judge_score'] = judgeScore;
    }
    return { answers, scored };
  };

  const candidate = await score(input.candidate, 'candidate');
  const champion = input.champion ? await score(input.champion, 'champion') : null;
  const comparisons = champion
    ? compareWithChampion(candidate.scored, champion.scored, plan.bootstrap)
    : null;
  const probes =
    plan.probes.length > 0
      ? await naming('probes', input.candidate, () =>
          runProbes(plan.probes, (messages) => input.candidate.generate(messages, input.signal), {
            ...options,
            toxicity: toxicityScorer,
          }),
        )
      : [];
  const warnings = [...input.warnings];
  const gate = input.gate
    ? applyGate(input.gate, { metrics: candidate.scored.metrics, probes, comparisons, warnings })
    : null;

  return {
    itemCount: items.length,
    metrics: candidate.scored.metrics,
    championMetrics: champion?.scored.metrics ?? null,
    comparisons,
    probes,
    gate,
    warnings,
    items: items.map((item, i) => ({
      id: item.id,
      prompt: promptText(item.prompt),
      references: item.references,
      prediction: candidate.answers[i] ?? '',
      championPrediction: champion?.answers[i] ?? null,
      scores: Object.fromEntries(
        Object.entries(candidate.scored.perItem).map(([name, values]) => [name, values[i] ?? 0]),
      ),
    })),
  };
}

/** Says which model failed, and at what: `champion (builtin support-bot v3): …`. */
async function naming<T>(stage: string, predictor: Predictor, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    throw new EvaluationError(error.code, `${stage} (${predictor.label}): ${error.message}`);
  }
}
