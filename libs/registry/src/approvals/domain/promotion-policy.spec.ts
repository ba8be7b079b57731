import {
  DEFAULT_PROMOTION_POLICY,
  policyInconsistencies,
  PromotionPolicySchema,
  requirementFor,
} from './promotion-policy';

describe('PromotionPolicySchema', () => {
  it('fills omitted parts with the documented defaults', () => {
    expect(PromotionPolicySchema.parse({})).toEqual(DEFAULT_PROMOTION_POLICY);
    expect(DEFAULT_PROMOTION_POLICY.production).toEqual({
      requiredApprovals: 1,
      fourEyes: true,
      requiredEvidence: ['passing-evaluation'],
      requestTtlHours: null,
    });
  });

  it('accepts the issue example', () => {
    const policy = PromotionPolicySchema.parse({
      autoStagingOnGatePass: true,
      production: {
        requiredApprovals: 2,
        fourEyes: true,
        requiredEvidence: ['passing-evaluation', 'passing-safety-probes', 'model-card'],
      },
    });
    expect(policy.production.requiredApprovals).toBe(2);
    expect(policy.staging.requiredApprovals).toBe(0);
  });

  it.each([
    [
      {
        production: { requiredApprovals: 1, requiredEvidence: ['passing-evaluation', 'passing-evaluation'] },
      },
    ],
    [{ production: { requiredApprovals: 1, requiredEvidence: ['vibes'] } }],
    [{ production: { requiredApprovals: -1 } }],
    [{ production: { requiredApprovals: 1, requiredApproval: 2 } }],
    [{ autoStaging: true }],
  ])('refuses %j', (body) => {
    expect(PromotionPolicySchema.safeParse(body).success).toBe(false);
  });
});

describe('policyInconsistencies', () => {
  it('flags automatic staging that would wait for approvers', () => {
    const policy = PromotionPolicySchema.parse({ staging: { requiredApprovals: 1 } });
    expect(policyInconsistencies(policy)).toEqual([
      expect.objectContaining({ path: 'staging.requiredApprovals' }),
    ]);
    expect(policyInconsistencies({ ...policy, autoStagingOnGatePass: false })).toEqual([]);
  });
});

describe('requirementFor', () => {
  it('governs staging and production only', () => {
    const policy = PromotionPolicySchema.parse({
      staging: { requiredApprovals: 0, requiredEvidence: ['model-card'] },
    });
    expect(requirementFor(policy, 'staging').requiredEvidence).toEqual(['model-card']);
    expect(requirementFor(policy, 'production')).toBe(policy.production);
    expect(requirementFor(policy, 'archived')).toEqual(
      expect.objectContaining({ requiredApprovals: 0, requiredEvidence: [] }),
    );
  });
});
