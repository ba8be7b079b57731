// The window git itself inspects when deciding whether a blob is binary.
const SNIFF_BYTES = 8000;

/** True when the content has a NUL byte near the start, git's heuristic for "not text". */
export function looksBinary(content: Uint8Array): boolean {
  return content.subarray(0, SNIFF_BYTES).includes(0);
}
