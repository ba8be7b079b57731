import { pythonRstrip } from './python-text';

/**
 * A text file's segments as sacreBLEU's CLI reads them: lines split on \n only (Python's newline="\n"),
 * no phantom segment after a final newline, trailing whitespace (incl. \r) stripped from each line.
 */
export function segmentLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map(pythonRstrip);
}
