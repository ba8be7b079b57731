/**
 * Token ids: 0–255 are the raw bytes, then the three special tokens, then one id per learned merge.
 * Byte tokens first means any UTF-8 input encodes, whatever merges were learned.
 */
export const BYTE_TOKENS = 256;

/** Fills the context window before the start of a sequence. */
export const PAD_ID = 256;
/** Starts every sequence the model sees. */
export const BOS_ID = 257;
/** Ends a sequence: the model learns to emit it, and generation stops on it. */
export const EOS_ID = 258;

/** First id given to a merge. */
export const FIRST_MERGE_ID = 259;
