import { writeWindow } from '../data/token-windows';
import type { LoadedModel } from '../model/loaded-model';
import { rowWidth } from '../model/model-architecture';
import { INFERENCE_BATCH, inferenceNetwork } from './inference-network';

/** How likely a model finds a completion of a prompt. */
export interface LogProbResult {
  /** Σ log p(token) over the completion tokens (and EOS when included), in nats. */
  readonly logProb: number;
  /** Completion tokens scored (EOS included when asked for). */
  readonly tokenCount: number;
  /** log p of each scored token, in order. */
  readonly tokenLogProbs: readonly number[];
}

export interface LogProbOptions {
  /** Also score EOS after the completion: "this completion, and then nothing more". Default false. */
  readonly includeEos?: boolean;
}

/**
 * log p(completion | prompt), reading BOS + prompt + completion. Prompt and completion are tokenized
 * separately, as in SFT and DPO training, so scores match what those methods optimised.
 */
export function logProb(
  model: LoadedModel,
  prompt: string,
  completion: string,
  options: LogProbOptions = {},
): LogProbResult {
  const { tokenizer, architecture } = model;
  const promptIds = [tokenizer.bosId, ...tokenizer.encode(prompt)];
  const completionIds = tokenizer.encode(completion);
  if (options.includeEos === true) completionIds.push(tokenizer.eosId);
  const ids = [...promptIds, ...completionIds];
  const C = rowWidth(architecture);
  const network = inferenceNetwork(model);
  const tokenLogProbs: number[] = [];
  const contexts = new Int32Array(INFERENCE_BATCH * C);
  const targets = new Int32Array(INFERENCE_BATCH);
  for (let start = promptIds.length; start < ids.length; start += INFERENCE_BATCH) {
    const size = Math.min(INFERENCE_BATCH, ids.length - start);
    for (let row = 0; row < size; row++) {
      writeWindow(ids, start + row, C, contexts, row * C);
      targets[row] = ids[start + row] ?? 0;
    }
    network.forward(contexts, size, targets);
    for (let row = 0; row < size; row++) tokenLogProbs.push(network.targetLogProbs[row] ?? 0);
  }
  return {
    logProb: tokenLogProbs.reduce((sum, value) => sum + value, 0),
    tokenCount: tokenLogProbs.length,
    tokenLogProbs,
  };
}
