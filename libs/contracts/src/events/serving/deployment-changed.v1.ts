import { z } from 'zod';

import { ActorSchema } from '../../common/actor';
import { SlugSchema, UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { ModelVersionRefSchema } from '../../common/model-version-ref';
import { PromptVersionRefSchema } from '../../common/prompt-version-ref';
import { defineEvent } from '../../event-definition';
import { ServingBackendSchema, TrafficModeSchema } from './serving-backend';

/** One deployment behind a route. */
const RouteTargetSchema = z
  .object({
    /** The deployment. */
    deploymentId: UuidSchema.describe('The deployment.'),
    /** The registered model version served, or null for an external upstream model. */
    modelVersion: ModelVersionRefSchema.nullable().describe(
      'The registered model version served, or null for an external upstream model.',
    ),
    /** The prompt version applied to requests, or null when none is. */
    promptVersion: PromptVersionRefSchema.nullable().describe(
      'The prompt version applied to requests, or null when none is.',
    ),
    /** What runs the model. */
    backend: ServingBackendSchema,
    /** How the target takes traffic. */
    mode: TrafficModeSchema,
    /** Percent of the route's requests sent (primary, canary) or mirrored (shadow) to this target; primary and canary weights sum to 100. */
    weight: z
      .number()
      .min(0)
      .max(100)
      .describe(
        "Percent of the route's requests sent (primary, canary) or mirrored (shadow) to this target; primary and canary weights sum to 100.",
      ),
    /** Health of the deployment. */
    status: z.enum(['pending', 'ready', 'degraded', 'failed']).describe('Health of the deployment.'),
  })
  .describe('One deployment behind a route.');

/** A route's deployments changed: the full state of the route after the change. */
export const DeploymentChangedV1Schema = z
  .object({
    /** The public model name clients call, e.g. `support-bot`. */
    route: SlugSchema.describe('The public model name clients call, e.g. support-bot.'),
    /** Route revision, +1 per change; orders changes and answers "what served route R at time T". */
    revision: z
      .number()
      .int()
      .min(1)
      .describe('Route revision, +1 per change; orders changes and answers "what served route R at time T".'),
    /** What kind of change this was. */
    change: z
      .enum(['created', 'updated', 'rollout-step', 'promoted', 'rolled-back', 'status-changed', 'deleted'])
      .describe('What kind of change this was.'),
    /** The route's targets after the change; empty when the route was deleted. */
    targets: z
      .array(RouteTargetSchema)
      .describe("The route's targets after the change; empty when the route was deleted."),
    /** Why, e.g. the rollout policy step or the operator's comment. */
    reason: z.string().min(1).describe("Why, e.g. the rollout policy step or the operator's comment."),
    /** Who changed it (the serving service when a rollout policy did). */
    actor: ActorSchema,
    /** When the change took effect. */
    changedAt: IsoTimestampSchema.describe('When the change took effect.'),
  })
  .describe("A route's deployments changed.");

/** A route's deployments changed. */
export type DeploymentChangedV1 = z.output<typeof DeploymentChangedV1Schema>;

export const deploymentChangedV1 = defineEvent({
  service: 'serving',
  event: 'deployment-changed',
  version: 1,
  schema: DeploymentChangedV1Schema,
  description:
    "A route's deployments changed (created, rollout step, promotion, rollback, health); carries the route's full state after the change so registry can keep deployment history.",
  aggregate: 'the serving route',
  keyOf: (data) => data.route,
});
