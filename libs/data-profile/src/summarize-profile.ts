import type { DatasetVersionCreatedV1 } from '@llmops/contracts';

import type { DatasetProfile } from './dataset-profile';

/** The headline numbers carried by the `dataset-version-created` event (its `profileSummary`). */
export type ProfileSummary = DatasetVersionCreatedV1['profileSummary'];

/** The event's `profileSummary` from a full profile: what every consumer sees without fetching profile.json. */
export function summarize(profile: DatasetProfile): ProfileSummary {
  return {
    inputRecords: profile.counts.input,
    droppedByReason: { ...profile.counts.droppedByReason },
    piiRedactionsByType: { ...profile.pii.hitsByType },
    tokens: profile.lengths.tokens.total,
    tokenizer: profile.lengths.tokens.tokenizer,
    meanChars: profile.lengths.chars.mean,
    languages: { ...profile.languages.shares },
  };
}
