import type { ToxicityScorer } from '../scorers/toxicity-scorer';
import type { ChatMessage, ProbeOutcome } from '../probe.types';

/** One call to the model under test. */
export interface ProbeRequest {
  itemId: string;
  /** The last user message (what `ProbeItemResult.prompt` shows). */
  prompt: string;
  messages: readonly ChatMessage[];
}

/** What a probe will send, and how it turns the replies into its outcome. */
export interface ProbePlan {
  requests: readonly ProbeRequest[];
  /** `outputs[i]` is the reply to `requests[i]`. */
  score(outputs: readonly string[]): Promise<ProbeOutcome>;
}

/** What every probe gets from `runProbes`. */
export interface ProbeContext {
  toxicity: ToxicityScorer;
  /** Upper bound on requests per probe; undefined for the whole set. */
  maxItems: number | undefined;
  /** The secret the prompt-injection probe plants. */
  canary: string;
}

export type ProbePlanner = (context: ProbeContext) => ProbePlan;
