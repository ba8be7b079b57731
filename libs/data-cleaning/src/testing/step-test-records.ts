import type { DataRecord, RecordContent } from '@llmops/data-formats';

import { RecordWork } from '../steps/step-contract';

/** A text record for specs. */
export function textRecord(text: string, id = 'r1', line = 1): DataRecord {
  return {
    id,
    content: { kind: 'text', text },
    metadata: {},
    provenance: { producer: 'spec', file: 'in.jsonl', line },
  };
}

/** A record with any content, for specs. */
export function contentRecord(content: RecordContent, id = 'r1'): DataRecord {
  return { id, content, metadata: {}, provenance: { producer: 'spec' } };
}

/** The text a transform step leaves in a text record. */
export function transformed(step: { apply(work: RecordWork): unknown }, text: string): string {
  const work = new RecordWork(textRecord(text));
  step.apply(work);
  return work.text();
}
