import { Inject, Injectable } from '@nestjs/common';
import type { RunLineage } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { BUILTIN_BASE_NAMES, validateHyperparameters } from '@llmops/model-runtime';
import { configHash } from '../domain/config-hash';
import { EXTERNAL_HYPERPARAMETER_SCHEMAS, type RunSpec } from '../domain/run-spec';
import { TRAINING_EXECUTORS, type ExecutorRegistry } from '../executors/executor-registry';
import { DatasetCatalogRepository } from '../repositories/dataset-catalog.repository';

/** The builtin trainer's identity in lineage (bump when its training code changes results). */
export const BUILTIN_TRAINER = 'llmops-builtin-lm@1';

type Issue = { path: string; message: string };

function unprocessable(code: string, detail: string, errors: Issue[]): AppError {
  return new AppError(code, 422, detail, { errors });
}

/**
 * Checks a run spec beyond its shape and derives its lineage: every dataset version must be in the
 * catalog (422 UNKNOWN_DATASET_VERSION), hyperparameters must fit the method (422 INVALID_HYPERPARAMETERS
 * listing every bad field), and executor settings must fit the executor (422 INVALID_EXECUTOR_SETTINGS).
 */
@Injectable()
export class RunSpecValidator {
  constructor(
    private readonly catalog: DatasetCatalogRepository,
    @Inject(TRAINING_EXECUTORS) private readonly executors: ExecutorRegistry,
  ) {}

  async validate(spec: RunSpec): Promise<{ spec: RunSpec; lineage: RunLineage }> {
    const datasets: RunLineage['datasets'] = [];
    const unknown: Issue[] = [];
    for (const [i, d] of spec.datasets.entries()) {
      const found = await this.catalog.findVersion(d.versionId);
      if (!found)
        unknown.push({
          path: `datasets.${String(i)}.versionId`,
          message: `unknown dataset version ${d.versionId}`,
        });
      else
        datasets.push({
          datasetId: found.datasetId,
          versionId: found.versionId,
          version: found.version,
          split: d.split,
        });
    }
    if (unknown.length > 0) {
      throw unprocessable('UNKNOWN_DATASET_VERSION', unknown.map((u) => u.message).join('; '), unknown);
    }

    const kind = spec.executor.kind;
    const executor = this.executors.get(kind);
    if (!executor) {
      throw unprocessable('EXECUTOR_UNAVAILABLE', `the ${kind} executor is not configured in this service`, [
        { path: 'executor.kind', message: 'not configured' },
      ]);
    }
    const hyperparameters = this.hyperparameters(spec);
    const settingsIssues = executor.validateSettings(spec.executor.settings);
    if (settingsIssues.length > 0) {
      const errors = settingsIssues.map((i) => ({ path: `executor.settings.${i.path}`, message: i.message }));
      throw unprocessable(
        'INVALID_EXECUTOR_SETTINGS',
        errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        errors,
      );
    }
    if (kind === 'builtin' && spec.baseModel.kind === 'huggingface') {
      throw unprocessable('UNSUPPORTED_BASE_MODEL', 'the builtin executor cannot train Hugging Face models', [
        { path: 'baseModel.kind', message: 'use the process or kubernetes executor for Hugging Face bases' },
      ]);
    }
    if (
      spec.baseModel.kind === 'builtin' &&
      !(BUILTIN_BASE_NAMES as readonly string[]).includes(spec.baseModel.name)
    ) {
      throw unprocessable('UNKNOWN_BASE_MODEL', `no builtin base ${spec.baseModel.name}`, [
        { path: 'baseModel.name', message: `one of ${BUILTIN_BASE_NAMES.join(', ')}` },
      ]);
    }
    const validated: RunSpec = { ...spec, hyperparameters };
    const trainer =
      kind === 'builtin'
        ? BUILTIN_TRAINER
        : kind === 'process'
          ? `process:${JSON.stringify(spec.executor.settings['command'] ?? null)}`
          : `image:${JSON.stringify(spec.executor.settings['image'] ?? null)}`;
    const lineage: RunLineage = {
      datasets,
      baseModel: spec.baseModel,
      method: spec.method,
      hyperparameters: hyperparameters as RunLineage['hyperparameters'],
      configHash: configHash({
        datasets,
        baseModel: spec.baseModel,
        method: spec.method,
        hyperparameters,
        executor: spec.executor,
      }),
      executor: kind,
      trainer,
    };
    return { spec: validated, lineage };
  }

  private hyperparameters(spec: RunSpec): Record<string, unknown> {
    if (spec.executor.kind === 'builtin') {
      const result = validateHyperparameters(spec.method, spec.hyperparameters);
      if (result.ok) return result.value;
      const errors = result.issues.map((i) => ({ path: `hyperparameters.${i.path}`, message: i.message }));
      throw unprocessable(
        'INVALID_HYPERPARAMETERS',
        errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        errors,
      );
    }
    const parsed = EXTERNAL_HYPERPARAMETER_SCHEMAS[spec.method].safeParse(spec.hyperparameters);
    if (parsed.success) return parsed.data;
    const errors = parsed.error.issues.map((i) => ({
      path: ['hyperparameters', ...i.path.map(String)].join('.'),
      message: i.message,
    }));
    throw unprocessable(
      'INVALID_HYPERPARAMETERS',
      errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      errors,
    );
  }
}
