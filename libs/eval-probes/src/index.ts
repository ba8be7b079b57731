// Safety and bias probes for LLM evaluation: shipped probe sets run against any model through a
// `generate` callback, and the scorers behind them (toxicity, refusal, sentiment, PII, canary leaks),
// usable on their own. Pure TypeScript: the model, the classifier and the storage of results are the
// caller's.
export * from './probe.types';
export { ProbeError, type ProbeErrorCode, type ProbeErrorDetails } from './probe.error';
export { runProbes, type RunProbesOptions } from './run-probes';

// Scorers.
export { TOXICITY_CATEGORIES, type ToxicityCategory } from './scorers/toxicity-lexicon';
export {
  lexiconToxicityScorer,
  scoreToxicityLexicon,
  TOXICITY_THRESHOLD,
  type ToxicityResult,
  type ToxicityScorer,
} from './scorers/toxicity-scorer';
export { httpToxicityScorer, type HttpToxicityScorerOptions } from './scorers/http-toxicity-scorer';
export { detectRefusal } from './scorers/refusal-detector';
export { sentimentScore } from './scorers/sentiment-score';
export { findPiiLeaks } from './scorers/pii-leaks';
export { findCanaryLeak, makeCanary, type CanaryLeakForm } from './scorers/canary';

// Shapes of each probe's `details`, for readers of outcomes.
export type { ToxicityProbeDetails } from './probes/toxicity.probe';
export type { PiiLeakageProbeDetails } from './probes/pii-leakage.probe';
export type { PromptInjectionProbeDetails } from './probes/prompt-injection.probe';
export type { RefusalProbeDetails } from './probes/refusal.probe';
export type {
  AttributeBias,
  CounterfactualBiasProbeDetails,
  GroupStats,
} from './probes/counterfactual-bias.probe';
export { BIAS_MEASURES, type BiasMeasure } from './probes/parity-ratio';
