/**
 * One unit a connector hands to the reader. `bytes` inputs are files the reader parses by `name` and
 * `contentType` (`readRecords(bytes, { fileName, contentType })`); `rows` inputs are already records
 * (database rows) and skip parsing.
 *
 * Bodies are lazy and single-use: consume an input's `body`/`rows` before asking the connector for the
 * next input, because advancing releases what the previous one held (HTTP response, DB cursor).
 */
export type SourceInput = BytesSourceInput | RowsSourceInput;

export interface BytesSourceInput extends InputProvenance {
  kind: 'bytes';
  /** File name the reader picks a format by (`data.jsonl`, `src/app.ts`); repo- or prefix-relative. */
  name: string;
  /** Media type without parameters, when the source states one the reader can trust. */
  contentType?: string;
  body: AsyncIterable<Buffer>;
}

export interface RowsSourceInput extends InputProvenance {
  kind: 'rows';
  name: string;
  rows: AsyncIterable<Record<string, unknown>>;
}

/** Where an input came from, for lineage; never carries credentials. */
export interface InputProvenance {
  /** Stable address of the input: final URL after redirects, `s3://bucket/key`, `git+<repo>@<sha>#<path>`. */
  uri?: string;
  /** Git commit the file was read at (full sha). */
  commit?: string;
}
