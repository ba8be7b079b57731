import type { BaseModelRef } from '@llmops/contracts';

import type { BaseReference, LoadedModel } from '../model/loaded-model';
import { weightTensors } from '../model/model-weights';
import { sha256Hex } from './sha256';
import { packTensors } from './weights-file';

/** tokenizer.json exactly as saveModel writes it. */
export function tokenizerFileBytes(model: LoadedModel): Buffer {
  return Buffer.from(`${JSON.stringify(model.tokenizer.toSpec())}\n`, 'utf8');
}

/** The reference an adapter trained on `base` records: the sha256 of the files saveModel writes for it. */
export function referenceTo(base: LoadedModel, ref: BaseModelRef | null): BaseReference {
  const { bytes } = packTensors(weightTensors(base.architecture, base.weights));
  return { ref, weightsSha256: sha256Hex(bytes), tokenizerSha256: sha256Hex(tokenizerFileBytes(base)) };
}
