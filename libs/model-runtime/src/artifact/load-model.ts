import type { z } from 'zod';

import { ModelRuntimeError, type ModelRuntimeIssue } from '../errors/model-runtime-error';
import type { BaseReference, LoadedModel, TrainingRecord } from '../model/loaded-model';
import { type LoraAdapter, type LoraLayer, mergeLora, targetLayers } from '../model/lora-adapter';
import type { ModelArchitecture } from '../model/model-architecture';
import { weightsFromTensors } from '../model/model-weights';
import { BpeTokenizer } from '../tokenizer/bpe-tokenizer';
import {
  ARTIFACT_FORMAT,
  ARTIFACT_FORMAT_VERSION,
  FormatHeaderSchema,
  MODEL_FILE,
  type ModelManifestV1,
  ModelManifestV1Schema,
  TokenizerFileSchema,
} from './artifact-manifest';
import { referenceTo } from './model-fingerprint';
import { sha256Hex } from './sha256';
import { unpackTensors } from './weights-file';

/** A file of an artifact, as read from storage. */
export interface ArtifactFileBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface LoadModelOptions {
  /** The base an adapter applies to; checked against the sha256 the adapter recorded. */
  readonly base?: LoadedModel;
  /** Called for an adapter when `base` is not given: fetch the base the reference names. */
  readonly resolveBase?: (reference: BaseReference) => LoadedModel | Promise<LoadedModel>;
}

/**
 * Reads a saved model. Checks, in order: model.json is there and is this format at a known version
 * (UNSUPPORTED_FORMAT otherwise), matches its schema (INVALID_ARTIFACT, every bad field listed), every
 * file it names is present with the recorded size and sha256 (CHECKSUM_MISMATCH), and for an adapter,
 * that the base is exactly the one it was trained on (BASE_REQUIRED, BASE_MISMATCH).
 */
export async function loadModel(
  files: readonly ArtifactFileBytes[],
  options: LoadModelOptions = {},
): Promise<LoadedModel> {
  const byName = new Map(files.map((file) => [file.name, file.bytes]));
  const manifest = readManifest(byName.get(MODEL_FILE));
  const weightsBytes = verifiedFile(byName, manifest.weights);
  const architecture: ModelArchitecture = manifest.architecture;
  const tensors = (() => {
    try {
      return unpackTensors(weightsBytes, manifest.weights.tensors);
    } catch (error) {
      throw invalid(error instanceof Error ? error.message : String(error));
    }
  })();
  const training = readTraining(manifest);

  if (manifest.kind === 'model') {
    if (manifest.tokenizer === null || manifest.adapter !== null) {
      throw invalid('a model artifact needs a tokenizer and no adapter section');
    }
    const tokenizer = readTokenizer(verifiedFile(byName, manifest.tokenizer));
    if (tokenizer.vocabSize !== architecture.vocabSize) {
      throw invalid(
        `tokenizer has ${tokenizer.vocabSize} tokens but the architecture says ${architecture.vocabSize}`,
      );
    }
    const weights = (() => {
      try {
        return weightsFromTensors(architecture, tensors);
      } catch (error) {
        throw invalid(error instanceof Error ? error.message : String(error));
      }
    })();
    return { name: manifest.name, architecture, tokenizer, weights, adapter: null, training };
  }

  const section = manifest.adapter;
  if (section === null) throw invalid('an adapter artifact needs an adapter section');
  const reference: BaseReference = section.base;
  const base = options.base ?? (await options.resolveBase?.(reference));
  if (base === undefined) {
    throw new ModelRuntimeError(
      'BASE_REQUIRED',
      'this artifact is a LoRA adapter: pass its base (options.base or resolveBase)',
    );
  }
  const actual = referenceTo(base, null);
  if (
    actual.weightsSha256 !== reference.weightsSha256 ||
    actual.tokenizerSha256 !== reference.tokenizerSha256
  ) {
    throw new ModelRuntimeError(
      'BASE_MISMATCH',
      `the adapter was trained on base weights ${reference.weightsSha256.slice(0, 12)}…, not ${actual.weightsSha256.slice(0, 12)}…`,
    );
  }
  const lora = readAdapter(section, base, tensors);
  return {
    name: manifest.name,
    architecture: base.architecture,
    tokenizer: base.tokenizer,
    weights: mergeLora(base.weights, lora),
    adapter: { lora, base: reference },
    training,
  };
}

function readManifest(bytes: Uint8Array | undefined): ModelManifestV1 {
  if (bytes === undefined) throw invalid(`${MODEL_FILE} is missing`);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw invalid(`${MODEL_FILE} is not valid JSON`);
  }
  const header = FormatHeaderSchema.safeParse(json);
  if (!header.success || header.data.format !== ARTIFACT_FORMAT) {
    const format = header.success ? header.data.format : 'none';
    throw new ModelRuntimeError(
      'UNSUPPORTED_FORMAT',
      `${MODEL_FILE} has format "${format}"; this runtime reads "${ARTIFACT_FORMAT}"`,
    );
  }
  if (header.data.formatVersion !== ARTIFACT_FORMAT_VERSION) {
    throw new ModelRuntimeError(
      'UNSUPPORTED_FORMAT',
      `${MODEL_FILE} has formatVersion ${header.data.formatVersion}; this runtime reads version ${ARTIFACT_FORMAT_VERSION} only (a newer runtime may have written it)`,
    );
  }
  const parsed = ModelManifestV1Schema.safeParse(json);
  if (!parsed.success) {
    const issues = toIssues(parsed.error.issues);
    throw new ModelRuntimeError('INVALID_ARTIFACT', `${MODEL_FILE} does not match format version 1`, issues);
  }
  return parsed.data;
}

function verifiedFile(
  files: Map<string, Uint8Array>,
  ref: { file: string; sha256: string; bytes: number },
): Uint8Array {
  const bytes = files.get(ref.file);
  if (bytes === undefined) throw invalid(`${ref.file} is missing`);
  const sha256 = sha256Hex(bytes);
  if (bytes.byteLength !== ref.bytes || sha256 !== ref.sha256) {
    throw new ModelRuntimeError(
      'CHECKSUM_MISMATCH',
      `${ref.file} has sha256 ${sha256} (${bytes.byteLength} bytes) but ${MODEL_FILE} records ${ref.sha256} (${ref.bytes} bytes)`,
    );
  }
  return bytes;
}

function readTokenizer(bytes: Uint8Array): BpeTokenizer {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw invalid('tokenizer.json is not valid JSON');
  }
  const parsed = TokenizerFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new ModelRuntimeError(
      'INVALID_ARTIFACT',
      'tokenizer.json is malformed',
      toIssues(parsed.error.issues),
    );
  }
  return BpeTokenizer.fromSpec(parsed.data);
}

function readAdapter(
  section: NonNullable<ModelManifestV1['adapter']>,
  base: LoadedModel,
  tensors: Map<string, Float32Array>,
): LoraAdapter {
  const layers: LoraLayer[] = [];
  for (const [name, layer] of targetLayers(base.weights, section.targets)) {
    const a = tensors.get(`${name}.lora_a`);
    const b = tensors.get(`${name}.lora_b`);
    if (a?.length !== section.rank * layer.inSize || b?.length !== layer.outSize * section.rank) {
      throw invalid(`adapter tensors of layer ${name} are missing or do not fit the base`);
    }
    layers.push({ layer: name, a, b });
  }
  return { rank: section.rank, alpha: section.alpha, targets: section.targets, layers };
}

function readTraining(manifest: ModelManifestV1): TrainingRecord | null {
  const training = manifest.training;
  if (training === null) return null;
  return { ...training, trainLoss: training.trainLoss ?? NaN };
}

function invalid(message: string): ModelRuntimeError {
  return new ModelRuntimeError('INVALID_ARTIFACT', message);
}

function toIssues(issues: readonly z.core.$ZodIssue[]): ModelRuntimeIssue[] {
  return issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
