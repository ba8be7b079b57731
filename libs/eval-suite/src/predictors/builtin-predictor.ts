import {
  CHAT_STOP_SEQUENCES,
  generate,
  perplexity,
  renderChatPrompt,
  type LoadedModel,
} from '@llmops/model-runtime';
import type { EvalPrompt } from '../items/eval-item';
import type { GenerationSettings, Predictor } from './predictor';

/**
 * A model of the platform's own runtime, run in this process: greedy decoding (temperature 0), so the
 * same model gives the same answers and champion comparisons are paired on deterministic outputs.
 */
export class BuiltinPredictor implements Predictor {
  constructor(
    readonly label: string,
    private readonly model: LoadedModel,
    private readonly settings: GenerationSettings,
  ) {}

  async generate(prompt: EvalPrompt): Promise<string> {
    const chat = typeof prompt !== 'string';
    const text = chat ? renderChatPrompt(prompt) : prompt;
    const stop = [...this.settings.stop, ...(chat ? CHAT_STOP_SEQUENCES : [])];
    const result = await generate(this.model, text, {
      maxTokens: this.settings.maxTokens,
      temperature: 0,
      seed: 0,
      ...(stop.length > 0 ? { stop } : {}),
    });
    return result.text.trim();
  }

  perplexity(texts: readonly string[]): number {
    return perplexity(this.model, texts).perplexity;
  }
}
