/** Metrics a suite can ask for. ROUGE values are mean F-measures; BLEU and chrF are corpus scores (0–100). */
export const SUITE_METRICS = [
  'bleu',
  'chrf',
  'chrf++',
  'rouge1',
  'rouge2',
  'rougeL',
  'rougeLsum',
  'exact_match',
  'token_f1',
  'toxicity',
  'length',
  'perplexity',
] as const;

export type SuiteMetricName = (typeof SUITE_METRICS)[number];

/** Metrics where a smaller value is the better one. */
export const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['toxicity', 'perplexity']);
