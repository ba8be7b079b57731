import { PiiRedactor, type PiiHits } from './pii-redactor';
import { DEFAULT_PII_REPLACEMENTS, PII_TYPES, type PiiType } from './pii-type';

// One redactor per type selection would do; the common call (every type) reuses this one. `redact` is
// synchronous and takes its hit counter per call, so sharing it is safe.
const EVERY_TYPE = new PiiRedactor(PII_TYPES, DEFAULT_PII_REPLACEMENTS);

/**
 * Counts the PII in `text` with the same detectors `redact-pii` uses, without changing anything: for
 * callers that only need to know whether and what a text leaks (evaluation probes, audits).
 */
export function countPii(text: string, types: readonly PiiType[] = PII_TYPES): PiiHits {
  const redactor = types === PII_TYPES ? EVERY_TYPE : new PiiRedactor(types, DEFAULT_PII_REPLACEMENTS);
  const hits: PiiHits = {};
  redactor.redact(text, hits);
  return hits;
}
