import { z } from 'zod';

import { ActorSchema } from '../../common/actor';
import { DatasetVersionRefSchema } from '../../common/dataset-version-ref';
import { CountSchema, UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { defineEvent } from '../../event-definition';

/** Kinds of labeling work. */
export const LabelingTaskTypeSchema = z
  .enum([
    'classification',
    'span',
    'rating',
    'ranking',
    'pairwise-preference',
    'response-writing',
    'response-review',
  ])
  .describe(
    'Kind of labeling work: classification, span, rating, ranking, pairwise-preference, response-writing or response-review.',
  );

/** A labeling project was created. */
export const ProjectCreatedV1Schema = z
  .object({
    /** The new project. */
    projectId: UuidSchema.describe('The new project.'),
    /** Display name of the project. */
    name: z.string().min(1).max(200).describe('Display name of the project.'),
    /** Kind of labeling work. */
    taskType: LabelingTaskTypeSchema,
    /** The dataset version whose records become tasks, or null for a project fed by feedback or uploads. */
    datasetVersion: DatasetVersionRefSchema.nullable().describe(
      'The dataset version whose records become tasks, or null for a project fed by feedback or uploads.',
    ),
    /** Tasks created at creation time. */
    taskCount: CountSchema.describe('Tasks created at creation time.'),
    /** Annotators asked to label each task (overlap for agreement). */
    annotatorsPerTask: z
      .number()
      .int()
      .min(1)
      .describe('Annotators asked to label each task (overlap for agreement).'),
    /** Who created the project. */
    createdBy: ActorSchema,
    /** When the project was created. */
    createdAt: IsoTimestampSchema.describe('When the project was created.'),
  })
  .describe('A labeling project was created.');

/** A labeling project was created. */
export type ProjectCreatedV1 = z.output<typeof ProjectCreatedV1Schema>;

export const projectCreatedV1 = defineEvent({
  service: 'labeling',
  event: 'project-created',
  version: 1,
  schema: ProjectCreatedV1Schema,
  description:
    'A labeling project was created, possibly from a dataset version (lineage: dataset version -> project).',
  aggregate: 'the labeling project',
  keyOf: (data) => data.projectId,
});
