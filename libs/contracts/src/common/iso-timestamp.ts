import { z } from 'zod';

/**
 * An instant as RFC 3339 / ISO 8601 text with a zone, e.g. `2025-03-14T09:26:53.589Z`. Producers in
 * llmops write UTC (`Date.prototype.toISOString`); outside producers may use an offset.
 */
export const IsoTimestampSchema = z.iso
  .datetime({ offset: true })
  .describe('RFC 3339 timestamp with zone, e.g. 2025-03-14T09:26:53.589Z.');
