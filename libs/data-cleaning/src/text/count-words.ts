import { isSpaceCode } from '@llmops/data-formats';

/** Whitespace-separated words in `text`, counted without splitting (no allocation). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
