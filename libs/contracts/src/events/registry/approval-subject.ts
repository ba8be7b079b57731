import { z } from 'zod';

import { SlugSchema } from '../../common/identifiers';
import { ModelStageSchema } from '../../common/model-lifecycle';
import { ModelVersionRefSchema } from '../../common/model-version-ref';
import { PromptVersionRefSchema } from '../../common/prompt-version-ref';

/** What an approval request asks to allow. */
export const ApprovalSubjectSchema = z
  .discriminatedUnion('kind', [
    ModelVersionRefSchema.extend({
      /** Move a model version to a stage. */
      kind: z.literal('model-stage-transition').describe('Move a model version to a stage.'),
      /** The stage asked for. */
      toStage: ModelStageSchema.describe('The stage asked for.'),
    }),
    PromptVersionRefSchema.extend({
      /** Move a protected prompt label to a prompt version. */
      kind: z.literal('prompt-label-move').describe('Move a protected prompt label to a prompt version.'),
      /** The label to move, e.g. `production`. */
      label: SlugSchema.describe('The label to move, e.g. production.'),
    }),
  ])
  .describe('What the approval request asks to allow.');

/** What an approval request asks to allow. */
export type ApprovalSubject = z.output<typeof ApprovalSubjectSchema>;
