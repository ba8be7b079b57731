import { Injectable } from '@nestjs/common';
import type { DatasetVersionRef } from '@llmops/contracts';
import { recordText } from '@llmops/data-formats';
import type { ContaminationReport as CheckerReport } from '@llmops/minhash';
import { Decontaminator } from './decontaminator.service';
import { RecordSource } from './record-source.service';

/** The checker's report with the records list cut to `MAX_RECORDS` (the totals stay exact). */
export type ContaminationReport = CheckerReport & {
  versionId: string;
  against: DatasetVersionRef[];
  recordsTruncated: boolean;
};

const MAX_RECORDS = 100;

/**
 * The contamination check of a version against evaluation sets' test splits: shared word n-grams
 * (13 by default, as in GPT-3's decontamination) and MinHash near-duplicates. Removal is a derived
 * version built with `decontaminate` (the derivations endpoint).
 */
@Injectable()
export class ContaminationReportService {
  constructor(
    private readonly source: RecordSource,
    private readonly decontaminator: Decontaminator,
  ) {}

  async check(versionId: string, against: DatasetVersionRef[], ngram: number): Promise<ContaminationReport> {
    const checker = await this.decontaminator.checker(against, ngram);
    for await (const item of this.source.readVersion(versionId)) {
      if ('record' in item) checker.check({ id: item.record.id, text: recordText(item.record) });
    }
    const report = checker.report();
    return {
      ...report,
      records: report.records.slice(0, MAX_RECORDS),
      recordsTruncated: report.records.length > MAX_RECORDS,
      versionId,
      against,
    };
  }
}
