import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { recordText } from '@llmops/data-formats';
import { RecordSource } from './record-source.service';

export interface VersionDiff {
  base: string;
  head: string;
  /** Records (by normalised content) only in head, only in base, and in both. */
  added: number;
  removed: number;
  unchanged: number;
  /** A few ids of added and removed records, for a first look. */
  samples: { added: string[]; removed: string[] };
}

const SAMPLE = 10;
const contentKey = (text: string) =>
  createHash('sha256')
    .update(text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim())
    .digest('base64')
    .slice(0, 22);

/**
 * Compares two versions record by record on normalised content (ids may differ between imports):
 * holds one version's content keys in memory (~40 bytes per record) and streams the other.
 */
@Injectable()
export class VersionDiffService {
  constructor(private readonly source: RecordSource) {}

  async diff(baseVersionId: string, headVersionId: string): Promise<VersionDiff> {
    const base = new Map<string, string>();
    for await (const item of this.source.readVersion(baseVersionId)) {
      if ('record' in item) base.set(contentKey(recordText(item.record)), item.record.id);
    }
    let added = 0;
    let unchanged = 0;
    const samples: VersionDiff['samples'] = { added: [], removed: [] };
    const seen = new Set<string>();
    for await (const item of this.source.readVersion(headVersionId)) {
      if (!('record' in item)) continue;
      const key = contentKey(recordText(item.record));
      if (base.has(key)) {
        if (!seen.has(key)) unchanged += 1;
        seen.add(key);
      } else {
        added += 1;
        if (samples.added.length < SAMPLE) samples.added.push(item.record.id);
      }
    }
    let removed = 0;
    for (const [key, id] of base) {
      if (seen.has(key)) continue;
      removed += 1;
      if (samples.removed.length < SAMPLE) samples.removed.push(id);
    }
    return { base: baseVersionId, head: headVersionId, added, removed, unchanged, samples };
  }
}
