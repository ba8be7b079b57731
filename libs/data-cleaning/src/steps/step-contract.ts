import type { JsonValue } from '@llmops/contracts';
import { mapContentTexts, recordText, type DataRecord, type RecordContent } from '@llmops/data-formats';

import type { PiiType } from '../pii/pii-type';

/** What cleaning learned about a record, handed to the profiler with the kept record. */
export interface CleaningAnnotations {
  /** ISO 639-1 code from `filter-language` (`und` when the text was too short or unclear). */
  language?: string;
  /** The detector's score for `language`, in [0, 1] (tinyld's, uncalibrated: 1 when a distinctive n-gram decided). */
  languageScore?: number;
  /** Score in [0, 1] from `filter-quality`; every record it keeps scores at least 0.5. */
  qualityScore?: number;
  /** PII found by `redact-pii`, by type (counted before redaction). */
  piiHits?: Partial<Record<PiiType, number>>;
  /** Id of the earlier kept record this one near-duplicates (set on `dedup:near` drops). */
  duplicateOf?: string;
}

/** Why a step dropped a record. */
export interface DropVerdict {
  /** Stable reason code, `family:detail`, e.g. `quality:symbol-ratio`, `dedup:exact`. */
  reason: string;
  /** Human-readable detail for the reject sample, e.g. `412 words < minWords 500`. */
  detail?: string;
  /** Text to preview instead of the record's current text (a PII drop previews the redacted text). */
  preview?: () => string;
}

/**
 * One record on its way through the steps. Transform steps replace `content`; filters read `text()`,
 * which is joined once per content change rather than once per step.
 */
export class RecordWork {
  content: RecordContent;
  metadata: Record<string, JsonValue>;
  annotations: CleaningAnnotations = {};
  private joined: string | undefined;

  constructor(readonly record: DataRecord) {
    this.content = record.content;
    this.metadata = record.metadata;
  }

  /** The record's text as filters see it (`recordText`: fields joined by a blank line). */
  text(): string {
    if (this.joined === undefined) {
      this.joined =
        this.content.kind === 'text'
          ? this.content.text
          : recordText({ ...this.record, content: this.content });
    }
    return this.joined;
  }

  /** Applies `fn` to every text field; returns whether any field changed. */
  transformTexts(fn: (text: string) => string): boolean {
    const content = this.content;
    if (content.kind === 'text') {
      const out = fn(content.text);
      if (out === content.text) return false;
      this.setContent({ ...content, text: out });
      return true;
    }
    let changes = 0;
    const next = mapContentTexts(content, (text) => {
      const out = fn(text);
      if (out !== text) changes++;
      return out;
    });
    if (changes > 0) this.setContent(next);
    return changes > 0;
  }

  /** Sets one metadata key, copying the record's metadata on first write (inputs are never mutated). */
  setMetadata(key: string, value: JsonValue): void {
    if (this.metadata === this.record.metadata) this.metadata = { ...this.metadata };
    this.metadata[key] = value;
  }

  private setContent(content: RecordContent): void {
    this.content = content;
    this.joined = undefined;
  }
}

/** A recipe step compiled for one pipeline: regexes built, state allocated, options resolved. */
export interface CompiledStep {
  /** Runs the step on one record: may transform `work`, returns a verdict to drop it. */
  apply(work: RecordWork): DropVerdict | undefined;
  /** Called when the record the step last saw is kept by the whole pipeline (dedup remembers it then). */
  commit?(): void;
}
