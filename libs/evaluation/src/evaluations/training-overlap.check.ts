import { Injectable } from '@nestjs/common';
import { recordText } from '@llmops/data-formats';
import type { SuiteWarning } from '@llmops/eval-suite';
import { ContaminationChecker } from '@llmops/minhash';
import { DatasetCatalogRepository } from '../catalog/dataset-catalog.repository';
import { DatasetReader } from '../catalog/dataset-reader';
import type { CatalogModelVersion } from '../catalog/model-catalog.repository';

/** Same settings as ingestion's decontamination: a shared 13-gram, or MinHash Jaccard ≥ 0.8. */
const NGRAM = 13;
const MINHASH_THRESHOLD = 0.8;

/**
 * Warns when evaluation items overlap the data the candidate was trained on (its lineage): a score on
 * items the model has seen says little. The evaluation items are indexed; the training records stream.
 */
@Injectable()
export class TrainingOverlapCheck {
  constructor(
    private readonly catalog: DatasetCatalogRepository,
    private readonly reader: DatasetReader,
  ) {}

  async warnings(
    candidate: CatalogModelVersion,
    items: readonly { id: string; text: string }[],
  ): Promise<SuiteWarning[]> {
    const warnings: SuiteWarning[] = [];
    for (const trained of candidate.datasets) {
      const version = await this.catalog.byId(trained.versionId);
      const name = version ? `${version.datasetName} v${String(version.version)}` : trained.versionId;
      if (!version) {
        warnings.push({
          code: 'EVAL_CONTAMINATION_UNCHECKED',
          message: `training data ${name} (${trained.split}) is unknown to evaluation; overlap not checked`,
        });
        continue;
      }
      const checker = new ContaminationChecker(items, {
        ngram: NGRAM,
        minhash: { threshold: MINHASH_THRESHOLD },
      });
      for await (const record of this.reader.records(version.manifestUri, trained.split)) {
        checker.check({ id: record.id, text: recordText(record) });
      }
      const report = checker.report();
      if (report.evalItemsTouched.length > 0) {
        warnings.push({
          code: 'EVAL_CONTAMINATION',
          message:
            `${String(report.evalItemsTouched.length)} of ${String(items.length)} evaluation items overlap the candidate's ` +
            `training data ${name} (${trained.split}): ${String(report.contaminatedRecords)} training records share a ` +
            `${String(NGRAM)}-gram or are near-duplicates (MinHash ≥ ${String(MINHASH_THRESHOLD)})`,
        });
      }
    }
    return warnings;
  }
}
