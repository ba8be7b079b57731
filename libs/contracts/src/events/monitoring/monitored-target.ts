import { z } from 'zod';

import { SlugSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { ModelVersionRefSchema } from '../../common/model-version-ref';

/** What a monitoring finding is about. */
export const MonitoredTargetSchema = z
  .object({
    /** The route, or null for a platform-wide finding. */
    route: SlugSchema.nullable().describe('The route, or null for a platform-wide finding.'),
    /** The model version, or null when the finding is not about one version. */
    modelVersion: ModelVersionRefSchema.nullable().describe(
      'The model version, or null when the finding is not about one version.',
    ),
  })
  .describe('What the finding is about.');

/** A half-open time window [start, end). */
export const TimeWindowSchema = z
  .object({
    /** Start of the window, inclusive. */
    start: IsoTimestampSchema.describe('Start of the window, inclusive.'),
    /** End of the window, exclusive. */
    end: IsoTimestampSchema.describe('End of the window, exclusive.'),
  })
  .describe('A time window [start, end).');

/** How urgent a finding is. */
export const SeveritySchema = z
  .enum(['info', 'warning', 'critical'])
  .describe('How urgent: info, warning or critical.');
