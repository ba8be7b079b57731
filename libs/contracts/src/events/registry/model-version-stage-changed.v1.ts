import { z } from 'zod';

import { ActorSchema } from '../../common/actor';
import { UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { ModelStageSchema } from '../../common/model-lifecycle';
import { ModelVersionRefSchema } from '../../common/model-version-ref';
import { defineEvent } from '../../event-definition';

/** A model version moved to another lifecycle stage. */
export const ModelVersionStageChangedV1Schema = ModelVersionRefSchema.extend({
  /** Stage before the transition. */
  fromStage: ModelStageSchema.describe('Stage before the transition.'),
  /** Stage after the transition. */
  toStage: ModelStageSchema.describe('Stage after the transition.'),
  /** Why: the policy rule or the person's comment. */
  reason: z.string().min(1).describe("Why: the policy rule or the person's comment."),
  /** Who moved it (the registry service when a promotion policy did). */
  actor: ActorSchema,
  /** The evaluation whose gate justified the move, or null. */
  evaluationId: UuidSchema.nullable().describe('The evaluation whose gate justified the move, or null.'),
  /** The approval request that authorised the move, or null. */
  approvalRequestId: UuidSchema.nullable().describe(
    'The approval request that authorised the move, or null.',
  ),
  /** When the transition took effect. */
  changedAt: IsoTimestampSchema.describe('When the transition took effect.'),
}).describe('A model version moved to another lifecycle stage.');

/** A model version moved to another lifecycle stage. */
export type ModelVersionStageChangedV1 = z.output<typeof ModelVersionStageChangedV1Schema>;

export const modelVersionStageChangedV1 = defineEvent({
  service: 'registry',
  event: 'model-version-stage-changed',
  version: 1,
  schema: ModelVersionStageChangedV1Schema,
  description:
    "A model version moved to another lifecycle stage (e.g. staging -> production); serving's rollout policies react to it. A promotion that demotes the previous production version publishes one event per version.",
  aggregate: 'the registered model',
  keyOf: (data) => data.modelId,
});
