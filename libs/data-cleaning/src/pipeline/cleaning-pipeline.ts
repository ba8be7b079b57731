import type { DataRecord } from '@llmops/data-formats';

import { CleaningError } from '../cleaning.error';
import type { PiiType } from '../pii/pii-type';
import {
  RecordWork,
  type CleaningAnnotations,
  type CompiledStep,
  type DropVerdict,
} from '../steps/step-contract';
import type { CleaningReport, RejectSample } from './cleaning-report';
import { recordHasText } from './record-has-text';
import { RejectReservoir } from './reject-reservoir';
import { seededRandom } from './seeded-random';

/** What `process` decided for one record. */
export type CleaningOutcome =
  | {
      /** The cleaned record (the input object itself when no step changed it). */
      kept: DataRecord;
      annotations: CleaningAnnotations;
    }
  | {
      /** Drop reason, e.g. `quality:symbol-ratio`. */
      dropped: string;
      detail?: string;
      annotations: CleaningAnnotations;
    };

/** A compiled recipe: cleans records one at a time, synchronously, and counts what it did. */
export interface CleaningPipeline {
  process(record: DataRecord): CleaningOutcome;
  /** Counts so far (a fresh copy each call). */
  report(): CleaningReport;
}

export interface PipelineStep {
  /** Label in reports: the step type, with `#2`, `#3` for repeats. */
  label: string;
  compiled: CompiledStep;
}

export interface PipelinePolicy {
  onRecordError: 'skip' | 'fail';
  rejectSampleSize: number;
}

const PREVIEW_CHARS = 300;
// Fixed, so two runs over the same input keep the same reject samples.
const SAMPLE_SEED = 0x5eed;

function preview(text: string): string {
  if (text.length <= PREVIEW_CHARS) return text;
  const cut = text.charCodeAt(PREVIEW_CHARS - 1) >= 0xd800 && text.charCodeAt(PREVIEW_CHARS - 1) <= 0xdbff;
  return `${text.slice(0, cut ? PREVIEW_CHARS - 1 : PREVIEW_CHARS)}…`;
}

export class RecipePipeline implements CleaningPipeline {
  private input = 0;
  private kept = 0;
  private dropped = 0;
  private readonly droppedByReason = new Map<string, number>();
  private readonly modified: Int32Array;
  private readonly piiHits: Partial<Record<PiiType, number>> = {};
  private readonly samples = new Map<string, RejectReservoir<RejectSample>>();
  private readonly random = seededRandom(SAMPLE_SEED);
  private readonly committers: CompiledStep[];

  constructor(
    private readonly steps: readonly PipelineStep[],
    private readonly policy: PipelinePolicy,
  ) {
    this.modified = new Int32Array(steps.length);
    this.committers = steps.map((step) => step.compiled).filter((step) => step.commit !== undefined);
  }

  process(record: DataRecord): CleaningOutcome {
    this.input++;
    const work = new RecordWork(record);
    const { steps } = this;
    let index = 0;
    try {
      for (; index < steps.length; index++) {
        const step = steps[index];
        if (step === undefined) continue;
        const before = work.content;
        const verdict = step.compiled.apply(work);
        if (work.content !== before) this.modified[index] = (this.modified[index] ?? 0) + 1;
        if (verdict) return this.drop(work, verdict);
      }
    } catch (error) {
      return this.fail(work, steps[index]?.label ?? 'unknown', error);
    }
    if (work.content !== record.content && !recordHasText(work.content)) {
      return this.drop(work, { reason: 'empty', detail: 'no text left after cleaning' });
    }
    for (const step of this.committers) step.commit?.();
    this.kept++;
    this.countPii(work.annotations);
    const unchanged = work.content === record.content && work.metadata === record.metadata;
    return {
      kept: unchanged ? record : { ...record, content: work.content, metadata: work.metadata },
      annotations: work.annotations,
    };
  }

  report(): CleaningReport {
    const modifiedByStep: Record<string, number> = {};
    this.steps.forEach((step, index) => (modifiedByStep[step.label] = this.modified[index] ?? 0));
    const rejectSamples: Record<string, RejectSample[]> = {};
    for (const [reason, reservoir] of this.samples) rejectSamples[reason] = reservoir.samples();
    return {
      input: this.input,
      kept: this.kept,
      dropped: this.dropped,
      droppedByReason: Object.fromEntries(this.droppedByReason),
      modifiedByStep,
      piiHits: { ...this.piiHits },
      rejectSamples,
    };
  }

  private drop(work: RecordWork, verdict: DropVerdict): CleaningOutcome {
    const { reason, detail } = verdict;
    this.dropped++;
    this.droppedByReason.set(reason, (this.droppedByReason.get(reason) ?? 0) + 1);
    this.countPii(work.annotations);
    if (this.policy.rejectSampleSize > 0) {
      let reservoir = this.samples.get(reason);
      if (!reservoir) {
        reservoir = new RejectReservoir(this.policy.rejectSampleSize, this.random);
        this.samples.set(reason, reservoir);
      }
      reservoir.offer(() => {
        const { id, provenance } = work.record;
        const sample: RejectSample = {
          recordId: id,
          reason,
          preview: preview(verdict.preview?.() ?? work.text()),
        };
        if (detail !== undefined) sample.detail = detail;
        if (provenance.file !== undefined) sample.file = provenance.file;
        if (provenance.line !== undefined) sample.line = provenance.line;
        return sample;
      });
    }
    return detail === undefined
      ? { dropped: reason, annotations: work.annotations }
      : { dropped: reason, detail, annotations: work.annotations };
  }

  private fail(work: RecordWork, label: string, error: unknown): CleaningOutcome {
    const message = error instanceof Error ? error.message : String(error);
    const { id, provenance } = work.record;
    if (this.policy.onRecordError === 'fail') {
      const where =
        provenance.line === undefined ? '' : ` (${provenance.file ?? 'input'}:${provenance.line})`;
      throw new CleaningError(
        'record-failed',
        `step ${label} failed on record ${id}${where}: ${message}`,
        { recordId: id, step: label, file: provenance.file, line: provenance.line },
        { cause: error },
      );
    }
    return this.drop(work, { reason: `error:${label}`, detail: message });
  }

  private countPii(annotations: CleaningAnnotations): void {
    const hits = annotations.piiHits;
    if (!hits) return;
    for (const type of Object.keys(hits) as PiiType[]) {
      this.piiHits[type] = (this.piiHits[type] ?? 0) + (hits[type] ?? 0);
    }
  }
}
