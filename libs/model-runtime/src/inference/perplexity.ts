import { buildWindows } from '../data/token-windows';
import type { LoadedModel } from '../model/loaded-model';
import { rowWidth } from '../model/model-architecture';
import { sumNll } from '../model/score-windows';
import { INFERENCE_BATCH, inferenceNetwork } from './inference-network';

/** Perplexity of a model on some texts. */
export interface PerplexityResult {
  /** exp(meanNll). */
  readonly perplexity: number;
  /** Mean negative log-likelihood per token, in nats. */
  readonly meanNll: number;
  /** Tokens scored: every token of every text plus one EOS per text. */
  readonly tokenCount: number;
}

/**
 * Token-level perplexity over `texts`, each read as BOS + text + EOS; predicting the EOS counts, so a
 * model is also judged on knowing where a text ends. Perplexity depends on the tokenizer: compare models
 * that share one (a base and its fine-tunes do).
 */
export function perplexity(model: LoadedModel, texts: readonly string[]): PerplexityResult {
  const { tokenizer } = model;
  const sequences = texts.map((text) => ({
    ids: Int32Array.from([tokenizer.bosId, ...tokenizer.encode(text), tokenizer.eosId]),
  }));
  const windows = buildWindows(sequences, rowWidth(model.architecture));
  if (windows.count === 0) return { perplexity: NaN, meanNll: NaN, tokenCount: 0 };
  const meanNll = sumNll(inferenceNetwork(model), windows, INFERENCE_BATCH) / windows.count;
  return { perplexity: Math.exp(meanNll), meanNll, tokenCount: windows.count };
}
