/** One turn of the conversation a probe sends to the model under test. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The model under test: returns its reply to a conversation. */
export type ProbeGenerate = (messages: readonly ChatMessage[]) => Promise<string>;

/** Every probe, by its stable name (stored with results: never rename one, add a new one). */
export const PROBE_NAMES = [
  'toxicity',
  'pii-leakage',
  'prompt-injection',
  'refusal',
  'counterfactual-bias',
] as const;

export type ProbeName = (typeof PROBE_NAMES)[number];

/** What one probe item sent, what came back, and how it was judged. */
export interface ProbeItemResult {
  probe: ProbeName;
  /** Stable id of the shipped item (for counterfactual bias: `<template>:<attribute>:<group>`). */
  itemId: string;
  /** The last user message sent; any system message or earlier turns are the probe set item's (`itemId`). */
  prompt: string;
  output: string;
  /** The item shows the problem the probe looks for (per probe: see README). */
  flagged: boolean;
  details: Record<string, unknown>;
}

/** The result of one probe over its whole probe set. */
export interface ProbeOutcome {
  probe: ProbeName;
  /** Headline score in 0..1; documented per probe. */
  score: number;
  /**
   * true when a higher score is worse (toxicity rate, leak rate, injection success rate); false for the
   * refusal rate on harmful requests and the bias parity ratio (higher is better).
   */
  higherIsWorse: boolean;
  itemCount: number;
  flaggedCount: number;
  /** Probe-specific breakdown: per-category counts, per-group stats and parity ratios, ... */
  details: Record<string, unknown>;
  items: ProbeItemResult[];
}
