import { z } from 'zod';

/** Evidence a promotion policy can require before a model version enters a stage. */
export const PROMOTION_EVIDENCE_KINDS = [
  'passing-evaluation',
  'passing-safety-probes',
  'model-card',
] as const;

/** Names match the `evidence[].kind` of `approval-requested`, so the event and the API speak alike. */
export const PromotionEvidenceKindSchema = z
  .enum(PROMOTION_EVIDENCE_KINDS)
  .describe(
    'passing-evaluation (the latest gated evaluation of every suite passed its gate), passing-safety-probes ' +
      '(every judged safety/bias probe of those evaluations passed), model-card (the model card is complete).',
  );
export type PromotionEvidenceKind = z.output<typeof PromotionEvidenceKindSchema>;

/** The role every approval of a model promotion needs (admin passes it, like every role check). */
export const APPROVER_ROLE = 'approver';

/** What entering one stage takes. */
export const StageRequirementSchema = z.strictObject({
  requiredApprovals: z
    .number()
    .int()
    .min(0)
    .max(10)
    .describe('Approvals from distinct approvers needed; 0 means no approval request is needed.'),
  fourEyes: z
    .boolean()
    .default(true)
    .describe('The requester cannot approve their own request (default true).'),
  requiredEvidence: z
    .array(PromotionEvidenceKindSchema)
    .default([])
    .refine((kinds) => new Set(kinds).size === kinds.length, 'evidence kinds must not repeat')
    .describe('Evidence that must be present when the transition is executed.'),
  requestTtlHours: z
    .number()
    .int()
    .min(1)
    .max(8760)
    .nullable()
    .default(null)
    .describe('Approval requests expire after this many hours; null: never.'),
});
export type StageRequirement = z.output<typeof StageRequirementSchema>;

/** Entering staging needs nothing unless a policy says so. */
export const NO_REQUIREMENT: StageRequirement = {
  requiredApprovals: 0,
  fourEyes: true,
  requiredEvidence: [],
  requestTtlHours: null,
};

/** Production, by default: one approver other than the requester, and a passing evaluation. */
export const DEFAULT_PRODUCTION_REQUIREMENT: StageRequirement = {
  requiredApprovals: 1,
  fourEyes: true,
  requiredEvidence: ['passing-evaluation'],
  requestTtlHours: null,
};

/** A model's promotion policy (the body of `PUT /v1/models/{name}/policy`). Unknown keys are refused. */
export const PromotionPolicySchema = z
  .strictObject({
    autoStagingOnGatePass: z
      .boolean()
      .default(true)
      .describe(
        'Move a registered or candidate version to staging when an evaluation of it passes its gate.',
      ),
    staging: StageRequirementSchema.default(NO_REQUIREMENT).describe('What entering staging takes.'),
    production: StageRequirementSchema.default(DEFAULT_PRODUCTION_REQUIREMENT).describe(
      'What entering production takes.',
    ),
  })
  .describe("A model's promotion policy.");
export type PromotionPolicy = z.output<typeof PromotionPolicySchema>;

/** The policy of a model nobody has set one for. */
export const DEFAULT_PROMOTION_POLICY: PromotionPolicy = {
  autoStagingOnGatePass: true,
  staging: NO_REQUIREMENT,
  production: DEFAULT_PRODUCTION_REQUIREMENT,
};

/** Stages a policy governs. */
export type GovernedStage = 'staging' | 'production';

export function isGovernedStage(stage: string): stage is GovernedStage {
  return stage === 'staging' || stage === 'production';
}

/** The requirement of `stage` under `policy`; stages the policy does not govern need nothing. */
export function requirementFor(policy: PromotionPolicy, stage: string): StageRequirement {
  if (stage === 'production') return policy.production;
  if (stage === 'staging') return policy.staging;
  return NO_REQUIREMENT;
}

/**
 * Rules a valid policy shape can still break; each is `{ path, message }` for a 422. Automatic staging
 * cannot wait for people, so a policy that asks for both would silently never promote.
 */
export function policyInconsistencies(policy: PromotionPolicy): { path: string; message: string }[] {
  if (policy.autoStagingOnGatePass && policy.staging.requiredApprovals > 0) {
    return [
      {
        path: 'staging.requiredApprovals',
        message:
          'autoStagingOnGatePass needs staging.requiredApprovals = 0 (a service cannot wait for approvers)',
      },
    ];
  }
  return [];
}
