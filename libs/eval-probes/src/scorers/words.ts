// Letters and digits, with inner apostrophes and hyphens kept (`don't`, `non-binary`, `25-year-old`).
const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

/** Lower-cased text with typographic apostrophes made plain, so every matcher sees one spelling. */
export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** The words of `text`, lower-cased. */
export function words(text: string): string[] {
  return normalizeText(text).match(WORD) ?? [];
}

/** How many words `text` has (the length measure of the bias probe). */
export function wordCount(text: string): number {
  return words(text).length;
}
