import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { PolicyNameSchema } from '../gates/gate-policy.dto';

const VersionSelector = z.union([z.int().min(1), z.literal('latest')]).default('latest');

/** `POST /v1/evaluations`: a suite version and a candidate (a registry model version or an external endpoint). */
export const CreateEvaluationSchema = z.strictObject({
  suite: z.strictObject({ name: PolicyNameSchema, version: VersionSelector }),
  candidate: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('model-version'),
      modelName: PolicyNameSchema,
      version: VersionSelector,
    }),
    z.strictObject({
      kind: z.literal('endpoint'),
      /** OpenAI-compatible base URL, e.g. `http://vllm:8000/v1`; credentials come from configuration. */
      baseUrl: z.url({ protocol: /^https?$/ }).refine((u) => !new URL(u).username && !new URL(u).password, {
        error: 'no credentials in the URL; set EVALUATION_ENDPOINT_API_KEY',
      }),
      model: z.string().min(1).max(200),
    }),
  ]),
});
export class CreateEvaluationDto extends createZodDto(CreateEvaluationSchema) {}

export const ListEvaluationsQuerySchema = z.object({
  status: z.enum(['queued', 'running', 'succeeded', 'failed']).optional(),
  modelName: PolicyNameSchema.optional(),
  suite: PolicyNameSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export class ListEvaluationsQueryDto extends createZodDto(ListEvaluationsQuerySchema) {}
