/** Stable codes, because `instanceof` does not survive a process boundary. */
export type MetricInputErrorCode =
  | 'STREAM_LENGTH_MISMATCH'
  | 'EMPTY_CORPUS'
  | 'NO_REFERENCES'
  /** Two systems compared item by item have different item counts. */
  | 'SIZE_MISMATCH'
  /** A resample index is not an integer in [0, size). */
  | 'INDEX_OUT_OF_RANGE'
  /** A per-item value is NaN or infinite. */
  | 'NON_FINITE_VALUE'
  /** An option is outside its domain (e.g. confidenceLevel not in (0, 1)). */
  | 'INVALID_OPTION';

/** Bad input to a corpus metric (sacreBLEU silently truncates mismatched streams; we refuse). */
export class MetricInputError extends Error {
  override readonly name = 'MetricInputError';

  constructor(
    readonly code: MetricInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Refuses an empty corpus, no reference streams, or streams whose segment counts differ. */
export function assertAlignedStreams(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
): void {
  if (hypotheses.length === 0) throw new MetricInputError('EMPTY_CORPUS', 'no hypothesis segments to score');
  if (references.length === 0)
    throw new MetricInputError('NO_REFERENCES', 'at least one reference stream is needed');
  references.forEach((stream, index) => {
    if (stream.length !== hypotheses.length)
      throw new MetricInputError(
        'STREAM_LENGTH_MISMATCH',
        `hypotheses have ${hypotheses.length} segments but reference stream ${index + 1} has ${stream.length}`,
      );
  });
}
