import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Actor } from '@llmops/contracts';
import { PromotionPolicySchema, type PromotionPolicy } from '../domain/promotion-policy';

/** `PUT /v1/models/{name}/policy`: the whole policy (omitted parts take their defaults) plus change notes. */
export const PutPromotionPolicySchema = PromotionPolicySchema.extend({
  /** Why the policy changed; kept with the version. */
  comment: z.string().trim().max(4000).default(''),
  /** The policy version the caller last saw (0: none set yet); a mismatch answers 409. */
  expectedVersion: z.number().int().min(0).optional(),
});
export class PutPromotionPolicyDto extends createZodDto(PutPromotionPolicySchema) {}
export type PutPromotionPolicy = z.output<typeof PutPromotionPolicySchema>;

/** One version of a model's policy; version 0 is the built-in default (nobody set one). */
export interface PromotionPolicyView {
  modelName: string;
  version: number;
  isDefault: boolean;
  policy: PromotionPolicy;
  comment: string;
  createdBy: Actor | null;
  createdAt: string | null;
}
