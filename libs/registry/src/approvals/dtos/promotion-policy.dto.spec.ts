import { PutPromotionPolicySchema } from './promotion-policy.dto';

describe('PutPromotionPolicySchema', () => {
  it('takes the policy plus a comment and an optional expected version', () => {
    const body = PutPromotionPolicySchema.parse({ production: { requiredApprovals: 2 }, expectedVersion: 0 });
    expect(body).toEqual(
      expect.objectContaining({ comment: '', expectedVersion: 0, autoStagingOnGatePass: true }),
    );
    expect(body.production.requiredEvidence).toEqual([]);
  });

  it('still refuses unknown keys', () => {
    expect(PutPromotionPolicySchema.safeParse({ autoStaging: false }).success).toBe(false);
  });
});
