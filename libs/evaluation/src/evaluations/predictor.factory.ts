import { Inject, Injectable } from '@nestjs/common';
import {
  BuiltinPredictor,
  OpenAiEndpointPredictor,
  type GenerationSettings,
  type Predictor,
} from '@llmops/eval-suite';
import { httpToxicityScorer, lexiconToxicityScorer, type ToxicityScorer } from '@llmops/eval-probes';
import { EVALUATION_CONFIG, type EvaluationConfig } from '../config';
import type { CatalogModelVersion } from '../catalog/model-catalog.repository';
import { BuiltinModelLoader } from './builtin-model-loader';

/** Builds the models an evaluation talks to, with the service's endpoint settings. */
@Injectable()
export class PredictorFactory {
  readonly toxicity: ToxicityScorer;

  constructor(
    @Inject(EVALUATION_CONFIG) private readonly config: EvaluationConfig,
    private readonly loader: BuiltinModelLoader,
  ) {
    const url = config.EVALUATION_TOXICITY_CLASSIFIER_URL;
    this.toxicity = url ? httpToxicityScorer(url) : lexiconToxicityScorer;
  }

  async registered(version: CatalogModelVersion, settings: GenerationSettings): Promise<Predictor> {
    const model = await this.loader.load(version);
    return new BuiltinPredictor(`builtin ${version.modelName} v${String(version.version)}`, model, settings);
  }

  endpoint(baseUrl: string, model: string, settings: GenerationSettings): Predictor {
    return new OpenAiEndpointPredictor({
      baseUrl,
      model,
      ...settings,
      ...(this.config.EVALUATION_ENDPOINT_API_KEY ? { apiKey: this.config.EVALUATION_ENDPOINT_API_KEY } : {}),
      timeoutMs: this.config.EVALUATION_ENDPOINT_TIMEOUT_MS,
      retries: this.config.EVALUATION_ENDPOINT_RETRIES,
      backoffMs: this.config.EVALUATION_ENDPOINT_BACKOFF_MS,
    });
  }

  get concurrency(): number {
    return this.config.EVALUATION_ENDPOINT_CONCURRENCY;
  }
}
