import { ContaminationChecker } from './contamination-checker';
import type { ContaminationOptions } from './contamination-options';
import type { ContaminationReport } from './contamination-report';

interface TextRecord {
  id: string;
  text: string;
}

/**
 * Checks a stream of training records (an array, a generator, or an async stream such as lines read
 * from a file) against the eval items, and returns the report. Records are consumed one at a time.
 */
export async function checkContamination(
  evalItems: Iterable<TextRecord>,
  records: Iterable<TextRecord> | AsyncIterable<TextRecord>,
  options: ContaminationOptions = {},
): Promise<ContaminationReport> {
  const checker = new ContaminationChecker(evalItems, options);
  for await (const record of records) checker.check(record);
  return checker.report();
}
