import { z } from 'zod';

/** What kind of principal acted. */
export const ActorKindSchema = z
  .enum(['user', 'api-key', 'service'])
  .describe('Kind of principal: a person (OIDC token), an API key, or a platform service acting on policy.');

/** Who did something: the authenticated principal behind a call, or the service acting on a policy. */
export const ActorSchema = z
  .object({
    /** Stable id of the principal: the token's `sub`, the API key id, or the service name. */
    subject: z
      .string()
      .min(1)
      .max(256)
      .describe("Stable id of the principal: the token's sub, the API key id, or the service name."),
    /** Kind of principal. */
    kind: ActorKindSchema,
    /** Roles held when acting (admin, data-engineer, annotator, ml-engineer, approver, viewer, service). */
    roles: z
      .array(z.string().min(1))
      .describe(
        'Roles held when acting (admin, data-engineer, annotator, ml-engineer, approver, viewer, service).',
      ),
  })
  .describe('Who did something.');

/** Who did something. */
export type Actor = z.output<typeof ActorSchema>;
