import { Injectable } from '@nestjs/common';
import { recordText } from '@llmops/data-formats';
import { itemFromRecord, type EvalItem } from '@llmops/eval-suite';
import { DatasetReader } from '../catalog/dataset-reader';
import type { ResolvedDataset } from './evaluation-row';

export interface SuiteItems {
  items: EvalItem[];
  /** Each item's full text, for the contamination check. */
  texts: { id: string; text: string }[];
  /** Records of shapes without a reference (plain text), not evaluated. */
  skipped: number;
}

/** The suite's items: records of the resolved splits, in stored order, up to `maxItems`. */
@Injectable()
export class SuiteItemsLoader {
  constructor(private readonly reader: DatasetReader) {}

  async load(datasets: readonly ResolvedDataset[], maxItems: number): Promise<SuiteItems> {
    const result: SuiteItems = { items: [], texts: [], skipped: 0 };
    for (const dataset of datasets) {
      for await (const record of this.reader.records(dataset.manifestUri, dataset.split)) {
        if (result.items.length >= maxItems) return result;
        const id = `${dataset.datasetName}@${String(dataset.version)}/${record.id}`;
        const item = itemFromRecord(id, record.content);
        if (!item) {
          result.skipped += 1;
          continue;
        }
        result.items.push(item);
        result.texts.push({ id, text: recordText(record) });
      }
    }
    return result;
  }
}
