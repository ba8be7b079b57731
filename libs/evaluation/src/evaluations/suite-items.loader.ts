import { Injectable } from '@nestjs/common';
import { recordText } from '@llmops/data-formats';
import { ItemCollector, type EvalItem } from '@llmops/eval-suite';
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
    const collected = new ItemCollector(maxItems);
    const texts: SuiteItems['texts'] = [];
    for (const dataset of datasets) {
      for await (const record of this.reader.records(dataset.manifestUri, dataset.split)) {
        if (collected.full) break;
        const id = `${dataset.datasetName}@${String(dataset.version)}/${record.id}`;
        if (collected.add(id, record.content)) texts.push({ id, text: recordText(record) });
      }
    }
    return { items: collected.items, texts, skipped: collected.skipped };
  }
}
