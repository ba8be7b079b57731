import { Injectable } from '@nestjs/common';
import type { DatasetVersionRef } from '@llmops/contracts';
import { recordText, type DataRecord } from '@llmops/data-formats';
import { ContaminationChecker } from '@llmops/minhash';
import { RecordSource } from './record-source.service';

/** A prepared check: which records overlap the evaluation sets' test splits. */
export interface Decontamination {
  isContaminated(record: DataRecord): boolean;
}

/** Near-duplicates of an evaluation item count as contamination too (MinHash, estimated Jaccard ≥ this). */
const MINHASH_THRESHOLD = 0.8;

/**
 * Loads evaluation sets (their test splits) into a checker that flags records sharing a word n-gram
 * (13 by default) with an evaluation item, or nearly duplicating one. The evaluation sets are held in
 * memory (n-gram hashes and signatures); the records checked stream.
 */
@Injectable()
export class Decontaminator {
  constructor(private readonly source: RecordSource) {}

  async checker(against: readonly DatasetVersionRef[], ngram: number): Promise<ContaminationChecker> {
    const items: { id: string; text: string }[] = [];
    for (const ref of against) {
      for await (const item of this.source.readVersion(ref.versionId, 'test')) {
        if ('record' in item)
          items.push({ id: `${ref.versionId}:${item.record.id}`, text: recordText(item.record) });
      }
    }
    return new ContaminationChecker(items, { ngram, minhash: { threshold: MINHASH_THRESHOLD } });
  }

  async prepare(options: { against: readonly DatasetVersionRef[]; ngram: number }): Promise<Decontamination> {
    const checker = await this.checker(options.against, options.ngram);
    return {
      isContaminated: (record) => checker.check({ id: record.id, text: recordText(record) }) !== null,
    };
  }
}
