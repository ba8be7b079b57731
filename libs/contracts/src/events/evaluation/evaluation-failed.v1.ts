import { z } from 'zod';

import { ErrorInfoSchema } from '../../common/error-info';
import { UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { defineEvent } from '../../event-definition';
import {
  EvaluationCandidateSchema,
  EvaluationSuiteRefSchema,
  EvaluationTriggerSchema,
} from './evaluation-candidate';

/** An evaluation ended without a result. */
export const EvaluationFailedV1Schema = z
  .object({
    /** The evaluation. */
    evaluationId: UuidSchema.describe('The evaluation.'),
    /** The model that was being evaluated. */
    candidate: EvaluationCandidateSchema,
    /** The suite that was running. */
    suite: EvaluationSuiteRefSchema,
    /** Why it was started. */
    trigger: EvaluationTriggerSchema,
    /** Why it failed. */
    error: ErrorInfoSchema,
    /** When it failed. */
    failedAt: IsoTimestampSchema.describe('When it failed.'),
  })
  .describe('An evaluation ended without a result.');

/** An evaluation ended without a result. */
export type EvaluationFailedV1 = z.output<typeof EvaluationFailedV1Schema>;

export const evaluationFailedV1 = defineEvent({
  service: 'evaluation',
  event: 'evaluation-failed',
  version: 1,
  schema: EvaluationFailedV1Schema,
  description:
    'An evaluation ended without a result (unreachable endpoint after bounded retries, bad suite data, ...).',
  aggregate: 'the evaluation',
  keyOf: (data) => data.evaluationId,
});
