import { ModelRuntimeError, type ModelRuntimeIssue } from '../errors/model-runtime-error';
import type { LoadedModel } from '../model/loaded-model';
import type { ModelArchitecture } from '../model/model-architecture';

/** Shape of a model trained from scratch when the run spec does not say. */
export const DEFAULT_ARCHITECTURE = {
  vocabSize: 512,
  contextSize: 6,
  embeddingSize: 24,
  hiddenSize: 64,
  hiddenLayers: 1,
  bagSize: 32,
} as const;

export interface ArchitectureFields {
  readonly vocabSize?: number | undefined;
  readonly contextSize?: number | undefined;
  readonly embeddingSize?: number | undefined;
  readonly hiddenSize?: number | undefined;
  readonly hiddenLayers?: number | undefined;
  readonly bagSize?: number | undefined;
}

const FIELDS = [
  'vocabSize',
  'contextSize',
  'embeddingSize',
  'hiddenSize',
  'hiddenLayers',
  'bagSize',
] as const;

/**
 * Architecture fields of a run on a base must equal the base's, or be left out. Throws
 * INVALID_HYPERPARAMETERS listing every conflicting field.
 */
export function assertMatchesBase(fields: ArchitectureFields, base: LoadedModel): void {
  const issues: ModelRuntimeIssue[] = [];
  for (const field of FIELDS) {
    const given = fields[field];
    const actual = base.architecture[field];
    if (given !== undefined && given !== actual) {
      issues.push({
        path: field,
        message: `is ${given} but the base model has ${actual}; leave it out or match it`,
      });
    }
  }
  if (issues.length > 0) {
    throw new ModelRuntimeError(
      'INVALID_HYPERPARAMETERS',
      'hyperparameters conflict with the base model',
      issues,
    );
  }
}

/** The architecture of a model trained from scratch; `vocabSize` is what the tokenizer actually reached. */
export function architectureFromScratch(fields: ArchitectureFields, vocabSize: number): ModelArchitecture {
  return {
    type: 'mlp-lm',
    vocabSize,
    contextSize: fields.contextSize ?? DEFAULT_ARCHITECTURE.contextSize,
    embeddingSize: fields.embeddingSize ?? DEFAULT_ARCHITECTURE.embeddingSize,
    hiddenSize: fields.hiddenSize ?? DEFAULT_ARCHITECTURE.hiddenSize,
    hiddenLayers: fields.hiddenLayers ?? DEFAULT_ARCHITECTURE.hiddenLayers,
    bagSize: fields.bagSize ?? DEFAULT_ARCHITECTURE.bagSize,
    activation: 'tanh',
  };
}
