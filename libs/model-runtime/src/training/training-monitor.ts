import { ModelRuntimeError } from '../errors/model-runtime-error';
import type { TrainingProgress } from './training-progress';

/** How long the trainer computes before letting the event loop run (abort messages, progress posts). */
const YIELD_EVERY_MS = 50;

export interface StepRecord {
  readonly loss: number;
  /** Tokens this step trained on, for tokens per second. */
  readonly tokens: number;
  /** Weight of this step's loss in the running means: its tokens (language modelling) or pairs (DPO). */
  readonly lossWeight: number;
  readonly learningRate: number;
  readonly milliseconds: number;
  readonly rewardMargin?: number;
  readonly rewardAccuracy?: number;
}

/**
 * Bookkeeping shared by the trainers: running means for progress reports, tokens per second over
 * training time only, and cooperative yielding. Training is CPU-bound; in a worker thread the abort
 * message can only arrive while the trainer yields, hence `pause` every few tens of milliseconds.
 */
export class TrainingMonitor {
  step = 0;
  tokensSeen = 0;
  private trainMs = 0;
  private sinceReport = emptyWindow();
  private sinceEpoch = emptyWindow();
  private lastYield = performance.now();
  private lastLearningRate = 0;

  constructor(
    private readonly totalSteps: number,
    private readonly stepsPerEpoch: number,
    private readonly logEvery: number,
    private readonly onProgress: ((progress: TrainingProgress) => void) | undefined,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** Records a finished step and reports every `logEvery` steps. Throws on a non-finite loss. */
  recordStep(record: StepRecord): void {
    if (!Number.isFinite(record.loss)) {
      throw new ModelRuntimeError(
        'TRAINING_DIVERGED',
        `loss became ${record.loss} at step ${this.step + 1}; lower the learning rate`,
      );
    }
    this.step++;
    this.tokensSeen += record.tokens;
    this.trainMs += record.milliseconds;
    this.lastLearningRate = record.learningRate;
    addTo(this.sinceReport, record);
    addTo(this.sinceEpoch, record);
    if (this.step % this.logEvery === 0) this.report();
  }

  /** Reports the epoch's end with its eval loss and returns the epoch's mean training loss. */
  endEpoch(evalLoss: number | null): { trainLoss: number; rewardMargin?: number; rewardAccuracy?: number } {
    const summary = summarize(this.sinceEpoch);
    this.sinceEpoch = emptyWindow();
    this.report(evalLoss);
    return summary;
  }

  get tokensPerSecond(): number {
    return this.trainMs > 0 ? (this.tokensSeen * 1000) / this.trainMs : 0;
  }

  /** Yields to the event loop when due, then throws TRAINING_ABORTED if the signal fired. */
  async pause(): Promise<void> {
    if (performance.now() - this.lastYield >= YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.lastYield = performance.now();
    }
    this.throwIfAborted();
  }

  throwIfAborted(): void {
    if (this.signal?.aborted === true) {
      throw new ModelRuntimeError('TRAINING_ABORTED', `training aborted at step ${this.step}`);
    }
  }

  private report(evalLoss: number | null = null): void {
    const window = this.sinceReport;
    if (window.weight === 0 && evalLoss === null) return;
    const summary = summarize(window);
    this.sinceReport = emptyWindow();
    this.onProgress?.({
      step: this.step,
      totalSteps: this.totalSteps,
      epoch: this.step / this.stepsPerEpoch,
      loss: summary.trainLoss,
      learningRate: this.lastLearningRate,
      tokensPerSecond: this.tokensPerSecond,
      ...(evalLoss === null ? {} : { evalLoss }),
      ...(summary.rewardMargin === undefined ? {} : { rewardMargin: summary.rewardMargin }),
      ...(summary.rewardAccuracy === undefined ? {} : { rewardAccuracy: summary.rewardAccuracy }),
    });
  }
}

interface Window {
  lossSum: number;
  weight: number;
  steps: number;
  marginSum: number;
  accuracySum: number;
  rewardSteps: number;
}

function emptyWindow(): Window {
  return { lossSum: 0, weight: 0, steps: 0, marginSum: 0, accuracySum: 0, rewardSteps: 0 };
}

function addTo(window: Window, record: StepRecord): void {
  window.lossSum += record.loss * record.lossWeight;
  window.weight += record.lossWeight;
  window.steps++;
  if (record.rewardMargin !== undefined && record.rewardAccuracy !== undefined) {
    window.marginSum += record.rewardMargin;
    window.accuracySum += record.rewardAccuracy;
    window.rewardSteps++;
  }
}

function summarize(window: Window): { trainLoss: number; rewardMargin?: number; rewardAccuracy?: number } {
  const trainLoss = window.weight > 0 ? window.lossSum / window.weight : NaN;
  if (window.rewardSteps === 0) return { trainLoss };
  return {
    trainLoss,
    rewardMargin: window.marginSum / window.rewardSteps,
    rewardAccuracy: window.accuracySum / window.rewardSteps,
  };
}
