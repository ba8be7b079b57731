import { createReadStream, statSync } from 'node:fs';
import { isReadRecordsError, readRecords, type RecordReject } from '@llmops/data-formats';
import { ItemCollector, type EvalItem } from '@llmops/eval-suite';
import { CliInputError } from './data-input';

/** The items of a suite's data file, and what was read to get them. */
export interface SuiteData {
  readonly items: EvalItem[];
  /** Records read (up to the one that filled `maxItems`). */
  readonly records: number;
  /** Records without a reference answer (plain text, a chat not ending in an answer): not evaluated. */
  readonly skipped: number;
}

/** Rejected lines named in the error; the rest are counted. */
const REJECTS_SHOWN = 3;

/**
 * Reads the platform's record shapes (prompt-completion, chat, preference) from a local file, as the
 * ingestion service does, in file order up to `maxItems` items. Any line that is not a record fails the
 * run: a metric over silently dropped lines would not be the metric the user asked for.
 */
export async function readSuiteItems(file: string, maxItems: number): Promise<SuiteData> {
  if (!statSync(file, { throwIfNoEntry: false })?.isFile())
    throw new CliInputError(`${file}: no such file (the suite's "data")`);
  const collected = new ItemCollector(maxItems);
  const rejects: RecordReject[] = [];
  try {
    for await (const result of readRecords(createReadStream(file), { fileName: file })) {
      if ('reject' in result) {
        rejects.push(result.reject);
        continue;
      }
      collected.add(result.record.id, result.record.content);
      if (collected.full) break;
    }
  } catch (error) {
    if (!isReadRecordsError(error)) throw error;
    throw new CliInputError(`${file}: ${error.code === 'empty-input' ? 'no records' : error.message}`);
  }
  if (rejects.length > 0) {
    const shown = rejects.slice(0, REJECTS_SHOWN).map((r) => r.message);
    const more =
      rejects.length > REJECTS_SHOWN ? ` (and ${String(rejects.length - REJECTS_SHOWN)} more)` : '';
    throw new CliInputError(`${file}: ${shown.join('; ')}${more}`);
  }
  const { items, records, skipped } = collected;
  if (items.length === 0) {
    throw new CliInputError(
      `${file}: no record has a reference answer (${String(skipped)} records without one); expected ` +
        `{"prompt", "completion"}, {"messages": [...]} ending with an assistant turn, or preference lines`,
    );
  }
  return { items, records, skipped };
}
