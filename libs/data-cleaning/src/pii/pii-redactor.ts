import { PII_DETECTORS, type PiiDetector } from './pii-detectors';
import type { PiiType } from './pii-type';

const DIGIT = /\d/;

/** Hits per type found in one text (or one record: pass the same object for every field). */
export type PiiHits = Partial<Record<PiiType, number>>;

/**
 * Finds and replaces the selected PII types. Regexes are compiled once (they are module constants);
 * the replacement callbacks are built here, once per redactor.
 */
export class PiiRedactor {
  private readonly passes: {
    detector: PiiDetector;
    replace: (match: string, ...rest: unknown[]) => string;
  }[];
  private hits: PiiHits = {};

  constructor(types: readonly PiiType[], replacements: Record<PiiType, string>) {
    const selected = new Set(types);
    this.passes = PII_DETECTORS.filter((detector) => selected.has(detector.type)).map((detector) => ({
      detector,
      replace: this.replacer(detector, replacements[detector.type]),
    }));
  }

  /** Replaces every hit in `text`, adding to `hits` per type. */
  redact(text: string, hits: PiiHits): string {
    this.hits = hits;
    let out = text;
    // Replacements never add digits, so one check up front holds for every later detector.
    let digits: boolean | undefined;
    for (const { detector, replace } of this.passes) {
      if (detector.needsDigit === true && !(digits ??= DIGIT.test(text))) continue;
      if (detector.worthScanning && !detector.worthScanning(out)) continue;
      detector.pattern.lastIndex = 0;
      out = out.replace(detector.pattern, replace);
    }
    return out;
  }

  private replacer(
    detector: PiiDetector,
    replacement: string,
  ): (match: string, ...rest: unknown[]) => string {
    const { accept, keepsPrefix, type } = detector;
    return (match, ...rest) => {
      const prefix = keepsPrefix ? String(rest[0]) : '';
      const candidate = keepsPrefix ? String(rest[1]) : match;
      if (accept && !accept(candidate)) return match;
      this.hits[type] = (this.hits[type] ?? 0) + 1;
      return prefix + replacement;
    };
  }
}
