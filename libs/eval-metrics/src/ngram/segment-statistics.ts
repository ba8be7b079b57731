// Corpus BLEU and chrF are functions of summed per-segment statistics, laid out flat: segment i at
// [i * width, (i + 1) * width).

/** Column sums of per-segment statistics; only the segments in `indices` (repeats allowed) if given. */
export function sumSegmentStatistics(
  perSegment: Float64Array,
  width: number,
  indices?: ArrayLike<number>,
): Float64Array {
  const totals = new Float64Array(width);
  if (indices === undefined) {
    for (let at = 0; at < perSegment.length; at += width)
      for (let j = 0; j < width; j++) totals[j] = (totals[j] as number) + (perSegment[at + j] as number);
  } else {
    for (let k = 0; k < indices.length; k++) {
      const at = (indices[k] as number) * width;
      for (let j = 0; j < width; j++) totals[j] = (totals[j] as number) + (perSegment[at + j] as number);
    }
  }
  return totals;
}
