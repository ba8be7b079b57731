import { Injectable, Logger } from '@nestjs/common';
import type { EvaluationCompletedV1, ModelVersionRef } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { TransactionHost } from '@llmops/persistence';
import { REGISTRY_ACTOR } from '../../models/domain/principal-actor';
import { ModelLifecycleService } from '../../models/services/model-lifecycle.service';
import {
  EvaluationEvidenceRepository,
  type AutoStagingOutcome,
} from '../repositories/evaluation-evidence.repository';
import { runInSavepoint } from '../repositories/run-in-savepoint.util';
import { PromotionPolicyService } from './promotion-policy.service';

const STAGEABLE = new Set(['registered', 'candidate']);

/**
 * Keeps every `evaluation-completed` of a registered version as evidence and, when the model's policy
 * says so and the gate passed, moves the version to staging. Idempotent by evaluation id: an evaluation
 * published twice (even under two event ids) is stored and acted on once.
 */
@Injectable()
export class AutoStagingService {
  private readonly logger = new Logger(AutoStagingService.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly evaluations: EvaluationEvidenceRepository,
    private readonly policies: PromotionPolicyService,
    private readonly lifecycle: ModelLifecycleService,
  ) {}

  async onEvaluationCompleted(event: EvaluationCompletedV1): Promise<void> {
    const candidate = event.candidate;
    // An external endpoint is no registry version: nothing to keep, nothing to promote.
    if (candidate.kind !== 'model-version') return;
    await this.tx.run(async () => {
      if (!(await this.evaluations.insert(event, candidate))) return;
      const outcome = await this.stage(event, candidate);
      await this.evaluations.setAutoStaging(event.evaluationId, outcome);
      this.logger.log(
        `evaluation ${event.evaluationId}: automatic staging ${outcome.outcome} (${outcome.detail})`,
      );
    });
  }

  private async stage(event: EvaluationCompletedV1, ref: ModelVersionRef): Promise<AutoStagingOutcome> {
    if (!event.gate) return skipped('the evaluation has no gate verdict');
    if (event.gate.verdict !== 'pass') return skipped('the gate failed');
    if (!(await this.policies.effective(ref.modelName)).autoStagingOnGatePass) {
      return skipped('the promotion policy does not stage automatically');
    }
    const current = await this.lifecycle.get(ref.modelName, ref.version).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404) return null;
      throw error;
    });
    if (!current) return skipped(`${ref.modelName} v${ref.version} is not registered here`);
    if (current.id !== ref.versionId)
      return skipped(`version id ${ref.versionId} does not match the registry's`);
    if (
      !STAGEABLE.has(current.stage) ||
      !this.lifecycle.allowedTransitions(current.stage).includes('staging')
    ) {
      return skipped(`the version is ${current.stage}`);
    }
    const reason =
      `evaluation ${event.evaluationId} (suite ${event.suite.name} v${event.suite.version}) passed gate ` +
      `policy ${event.gate.policyId} v${event.gate.policyVersion}`;
    try {
      await runInSavepoint(this.tx, 'approvals_auto_staging', () =>
        this.lifecycle.transition({
          modelName: ref.modelName,
          version: ref.version,
          toStage: 'staging',
          actor: REGISTRY_ACTOR,
          reason,
          expectedRowVersion: current.rowVersion,
          evidence: { evaluationId: event.evaluationId },
        }),
      );
      return { outcome: 'promoted', detail: reason };
    } catch (error) {
      // A refusal (the staging policy's evidence or approval, a concurrent move) is an outcome, not a failure.
      if (!(error instanceof AppError)) throw error;
      return { outcome: 'refused', code: error.code, detail: error.detail };
    }
  }
}

function skipped(detail: string): AutoStagingOutcome {
  return { outcome: 'skipped', detail };
}
