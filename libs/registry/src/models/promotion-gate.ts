import type { Actor, ModelStage } from '@llmops/contracts';

/** What a promotion gate is asked about: one version moving between two stages, and who moves it. */
export interface PromotionGateInput {
  modelName: string;
  version: number;
  fromStage: ModelStage;
  toStage: ModelStage;
  actor: Actor;
  /** Evidence the caller attached to the transition (approval request id, evaluation id, ...), if any. */
  evidence?: Record<string, unknown>;
}

/**
 * Hook that decides whether a version may enter `staging` or `production`. The models area defines it
 * and calls it on every such transition (REST or in-process); the approvals area provides it, so the
 * lifecycle never depends on approvals' code. A refusal is an `AppError` (409 `EVIDENCE_MISSING`, 403,
 * ...) that reaches the caller unchanged. Without a provider, transitions are not gated.
 */
export abstract class PromotionGate {
  abstract check(input: PromotionGateInput): Promise<void>;
}
