import { PAD_ID } from '../tokenizer/special-tokens';

/**
 * Positions as the network consumes them: row r of `contexts` holds the `width` ids before `targets[r]`
 * (see rowWidth), left-padded with PAD at the start of a sequence.
 */
export interface TokenWindows {
  readonly count: number;
  readonly width: number;
  readonly contexts: Int32Array;
  readonly targets: Int32Array;
}

/** One window per target position of each sequence (`trained[i]` set, i ≥ 1). */
export function buildWindows(
  sequences: readonly { readonly ids: Int32Array; readonly trained?: Uint8Array }[],
  width: number,
): TokenWindows {
  let count = 0;
  for (const { ids, trained } of sequences) {
    for (let i = 1; i < ids.length; i++) if (trained === undefined || trained[i] === 1) count++;
  }
  const contexts = new Int32Array(count * width);
  const targets = new Int32Array(count);
  let row = 0;
  for (const { ids, trained } of sequences) {
    for (let i = 1; i < ids.length; i++) {
      if (trained !== undefined && trained[i] !== 1) continue;
      writeWindow(ids, i, width, contexts, row * width);
      targets[row] = ids[i] ?? 0;
      row++;
    }
  }
  return { count, width, contexts, targets };
}

/** Writes the `width` ids before position `end` of `ids` into `out` at `offset`, PAD-filled on the left. */
export function writeWindow(
  ids: ArrayLike<number>,
  end: number,
  width: number,
  out: Int32Array,
  offset: number,
): void {
  for (let c = 0; c < width; c++) {
    const source = end - width + c;
    out[offset + c] = source >= 0 ? (ids[source] ?? PAD_ID) : PAD_ID;
  }
}
