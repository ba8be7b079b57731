import type { IngestedRecordContentSchema } from '@llmops/contracts';
import type { z } from 'zod';
import type { EvalItem } from './eval-item';
import { itemFromRecord } from './item-from-record';

/**
 * Turns records into evaluation items, in the order read, until `maxItems` are collected; counts the
 * records read and those without a reference answer (plain text, a chat not ending with an answer).
 */
export class ItemCollector {
  readonly items: EvalItem[] = [];
  records = 0;
  skipped = 0;

  constructor(private readonly maxItems: number) {}

  get full(): boolean {
    return this.items.length >= this.maxItems;
  }

  /** The item made of the record, or null when it has no reference answer. */
  add(id: string, content: z.output<typeof IngestedRecordContentSchema>): EvalItem | null {
    this.records += 1;
    const item = itemFromRecord(id, content);
    if (item) this.items.push(item);
    else this.skipped += 1;
    return item;
  }
}
