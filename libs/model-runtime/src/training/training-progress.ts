/** What `onProgress` receives: every `logEvery` steps and at every epoch end. */
export interface TrainingProgress {
  /** Optimizer steps done. */
  readonly step: number;
  /** Steps the run will take in total. */
  readonly totalSteps: number;
  /** Fractional epoch reached. */
  readonly epoch: number;
  /** Mean training loss over the steps since the previous report. */
  readonly loss: number;
  /** Learning rate of the last step. */
  readonly learningRate: number;
  /** Target tokens forward- and backward-passed per second of training so far (eval time excluded). */
  readonly tokensPerSecond: number;
  /** Mean eval loss, on epoch-end reports when there is an eval split. */
  readonly evalLoss?: number;
  /** DPO: mean β·(policy − reference) log-ratio margin of chosen over rejected since the last report. */
  readonly rewardMargin?: number;
  /** DPO: share of pairs since the last report whose chosen completion had the larger implicit reward. */
  readonly rewardAccuracy?: number;
}

/** Final figures of a run. */
export interface TrainingMetrics {
  /** Mean training loss over the last epoch. */
  readonly trainLoss: number;
  /** Eval loss after the last epoch, or null without an eval split. */
  readonly evalLoss: number | null;
  /** exp(evalLoss) for the language-modelling methods; null for DPO or without an eval split. */
  readonly evalPerplexity: number | null;
  readonly steps: number;
  readonly epochs: number;
  readonly tokensSeen: number;
  readonly tokensPerSecond: number;
  /** Wall time of the whole call, tokenizer training and evals included. */
  readonly durationMs: number;
  /** DPO only: reward margin and accuracy over the last epoch. */
  readonly rewardMargin?: number;
  readonly rewardAccuracy?: number;
}
