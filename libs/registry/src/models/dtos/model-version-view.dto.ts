import type {
  Actor,
  BaseModelRef,
  DatasetSplitRef,
  JsonValue,
  Metrics,
  ModelArtifact,
  ModelFormat,
  ModelStage,
  TrainingMethodSchema,
} from '@llmops/contracts';
import type { z } from 'zod';

/**
 * One file of a version: an object in the platform's store. `source` is the external URL it was
 * downloaded from (query string left out), when it was registered from one.
 */
export type VersionArtifact = ModelArtifact & { source?: string };

/** Fine-tuning method (sft, lora, dpo, continued-pretraining). */
export type TrainingMethod = z.output<typeof TrainingMethodSchema>;

/** How a version entered the registry (same shape as `model-version-registered`'s `source`). */
export type ModelVersionSource = { kind: 'training-run'; runId: string } | { kind: 'manual' };

/** What a version was trained from, when the registry knows it. */
export interface ModelVersionLineage {
  /** Dataset version splits it was trained on; empty when unknown. */
  datasets: DatasetSplitRef[];
  /** The training run that produced it, or null (manual registration without a run). */
  runId: string | null;
  /** Training details copied from `run-completed` (absent for manual registrations). */
  training?: {
    configHash: string;
    executor: string;
    trainer: string;
    startedAt: string;
    completedAt: string;
  };
}

/** One model version as the REST API and other registry areas see it. */
export interface ModelVersionView {
  /** The version's id (UUIDv7). */
  id: string;
  modelId: string;
  modelName: string;
  /** 1, 2, 3, ... within the model. */
  version: number;
  stage: ModelStage;
  /** Optimistic-lock counter: pass it back as `expectedVersion` (or `If-Match`) to change the stage. */
  rowVersion: number;
  format: ModelFormat;
  artifacts: VersionArtifact[];
  baseModel: BaseModelRef | null;
  method: TrainingMethod | null;
  hyperparameters: Record<string, JsonValue>;
  metrics: Metrics;
  tags: Record<string, string>;
  description: string;
  /** What it was trained from: dataset version splits and the training run, when known. */
  lineage: ModelVersionLineage;
  source: ModelVersionSource;
  /** Aliases (`champion`, `challenger`, custom) that currently point at this version. */
  aliases: string[];
  registeredBy: Actor;
  registeredAt: string;
  stageChangedAt: string;
  /** Set once the version is archived (retired). */
  retiredAt: string | null;
  retiredReason: string | null;
}
