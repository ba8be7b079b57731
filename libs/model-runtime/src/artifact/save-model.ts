import type { LoadedModel } from '../model/loaded-model';
import { loraTensors } from '../model/lora-adapter';
import { weightTensors } from '../model/model-weights';
import {
  ARTIFACT_FORMAT,
  ARTIFACT_FORMAT_VERSION,
  MODEL_FILE,
  type ModelManifestV1,
  TOKENIZER_FILE,
  WEIGHTS_FILE,
} from './artifact-manifest';
import { tokenizerFileBytes } from './model-fingerprint';
import { sha256Hex } from './sha256';
import { packTensors } from './weights-file';

/** One file of a saved model, with what the platform records about it. */
export interface ArtifactFile {
  readonly name: string;
  readonly bytes: Buffer;
  /** Lowercase hex SHA-256 of `bytes`. */
  readonly sha256: string;
  /** The contracts' ModelArtifact role: exactly one file is `model` or `adapter`. */
  readonly role: 'config' | 'tokenizer' | 'model' | 'adapter';
}

/**
 * The model as artifact files: model.json (manifest), tokenizer.json (full models only) and weights.bin.
 * Deterministic: the same model always gives the same bytes. An adapter model stores only its LoRA
 * tensors and the sha256 of the base it needs.
 */
export function saveModel(model: LoadedModel): { files: ArtifactFile[] } {
  const isAdapter = model.adapter !== null;
  const tensors =
    model.adapter === null
      ? weightTensors(model.architecture, model.weights)
      : loraTensors(model.adapter.lora, model.weights);
  const weights = packTensors(tensors);
  const tokenizer = isAdapter ? null : tokenizerFileBytes(model);
  const manifest: ModelManifestV1 = {
    format: ARTIFACT_FORMAT,
    formatVersion: ARTIFACT_FORMAT_VERSION,
    kind: isAdapter ? 'adapter' : 'model',
    name: model.name,
    architecture: { ...model.architecture },
    tokenizer:
      tokenizer === null
        ? null
        : { file: TOKENIZER_FILE, sha256: sha256Hex(tokenizer), bytes: tokenizer.length },
    weights: {
      file: WEIGHTS_FILE,
      sha256: sha256Hex(weights.bytes),
      bytes: weights.bytes.length,
      dtype: 'float32',
      byteOrder: 'little-endian',
      tensors: weights.entries.map((entry) => ({ ...entry, shape: [...entry.shape] })),
    },
    adapter:
      model.adapter === null
        ? null
        : {
            method: 'lora',
            rank: model.adapter.lora.rank,
            alpha: model.adapter.lora.alpha,
            targets: [...model.adapter.lora.targets],
            base: { ...model.adapter.base },
          },
    training:
      model.training === null
        ? null
        : { ...model.training, hyperparameters: { ...model.training.hyperparameters } },
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const files: ArtifactFile[] = [
    { name: MODEL_FILE, bytes: manifestBytes, sha256: sha256Hex(manifestBytes), role: 'config' },
  ];
  if (tokenizer !== null) {
    files.push({ name: TOKENIZER_FILE, bytes: tokenizer, sha256: sha256Hex(tokenizer), role: 'tokenizer' });
  }
  files.push({
    name: WEIGHTS_FILE,
    bytes: weights.bytes,
    sha256: sha256Hex(weights.bytes),
    role: isAdapter ? 'adapter' : 'model',
  });
  return { files };
}
