/**
 * Every per-row reject reason the readers and `mapRow` produce. Stable strings: they are counted in
 * profiles and shown to users, so add new ones rather than renaming.
 */
export const RECORD_REJECT_REASONS = [
  'invalid-json',
  'invalid-utf8',
  'line-too-long',
  'record-too-large',
  'ragged-row',
  'invalid-csv',
  'not-an-object',
  'missing-field',
  'empty-field',
  'type-mismatch',
  'invalid-message',
  'unknown-shape',
  'invalid-provenance',
] as const;

export type RecordRejectReason = (typeof RECORD_REJECT_REASONS)[number];
