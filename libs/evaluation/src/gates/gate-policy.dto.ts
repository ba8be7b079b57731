import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { GatePolicyRulesSchema, type GatePolicyRules } from '@llmops/eval-suite';
import type { NamedVersion } from '../versioning/named-version.repository';

export const PolicyNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'expected a lowercase slug');

/** `POST /v1/evaluations/gate-policies`: a new version of the named policy (versions are immutable). */
export const CreateGatePolicySchema = GatePolicyRulesSchema.extend({ name: PolicyNameSchema });
export class CreateGatePolicyDto extends createZodDto(CreateGatePolicySchema) {}

export interface GatePolicyView {
  id: string;
  name: string;
  version: number;
  rules: GatePolicyRules;
  createdAt: string;
}

export const toGatePolicyView = ({ body, ...version }: NamedVersion<GatePolicyRules>): GatePolicyView => ({
  ...version,
  rules: body,
});
