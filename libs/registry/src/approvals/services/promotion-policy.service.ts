import { Injectable } from '@nestjs/common';
import type { Actor } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { TransactionHost } from '@llmops/persistence';
import { ModelLookupService } from '../../models/services/model-lookup.service';
import {
  DEFAULT_PROMOTION_POLICY,
  policyInconsistencies,
  type PromotionPolicy,
} from '../domain/promotion-policy';
import type { PromotionPolicyView, PutPromotionPolicy } from '../dtos/promotion-policy.dto';
import { isUniqueViolation } from '../repositories/is-unique-violation.util';
import { PromotionPolicyRepository, type StoredPolicy } from '../repositories/promotion-policy.repository';
import { toActor } from './approval-view.mapper';

function toView(p: StoredPolicy): PromotionPolicyView {
  return { ...p, isDefault: false };
}

function defaultView(modelName: string): PromotionPolicyView {
  return {
    modelName,
    version: 0,
    isDefault: true,
    policy: DEFAULT_PROMOTION_POLICY,
    comment: 'built-in default',
    createdBy: null,
    createdAt: null,
  };
}

/** Promotion policies per model: every change is a new version; the history is kept. */
@Injectable()
export class PromotionPolicyService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly policies: PromotionPolicyRepository,
    private readonly models: ModelLookupService,
  ) {}

  /** The policy in force for a model (the default when none was set); the model need not exist. */
  async effective(modelName: string): Promise<PromotionPolicy> {
    return (await this.policies.latest(modelName))?.policy ?? DEFAULT_PROMOTION_POLICY;
  }

  async current(modelName: string): Promise<PromotionPolicyView> {
    await this.models.model(modelName);
    const latest = await this.policies.latest(modelName);
    return latest ? toView(latest) : defaultView(modelName);
  }

  async history(modelName: string): Promise<PromotionPolicyView[]> {
    await this.models.model(modelName);
    return [...(await this.policies.history(modelName)).map(toView), defaultView(modelName)];
  }

  put(modelName: string, input: PutPromotionPolicy, actor: Actor): Promise<PromotionPolicyView> {
    const { comment, expectedVersion, ...policy } = input;
    const problems = policyInconsistencies(policy);
    if (problems.length > 0) {
      throw new AppError('POLICY_INVALID', 422, 'the policy contradicts itself', { errors: problems });
    }
    return this.tx.run(async () => {
      await this.models.model(modelName);
      const latest = await this.policies.latest(modelName);
      const currentVersion = latest?.version ?? 0;
      if (expectedVersion !== undefined && expectedVersion !== currentVersion) {
        throw versionConflict(modelName, expectedVersion, currentVersion);
      }
      try {
        const stored = await this.policies.insert({
          modelName,
          version: currentVersion + 1,
          policy,
          comment,
          createdBy: toActor(actor),
        });
        return toView(stored);
      } catch (error) {
        // Another writer took this version number between our read and our insert.
        if (isUniqueViolation(error)) throw versionConflict(modelName, currentVersion, null);
        throw error;
      }
    });
  }
}

function versionConflict(modelName: string, expected: number, current: number | null): AppError {
  return new AppError(
    'POLICY_VERSION_CONFLICT',
    409,
    `the policy of ${modelName} changed since version ${expected}; reload and retry`,
    { extensions: { expectedVersion: expected, currentVersion: current } },
  );
}
