import type { DataRecord } from '@llmops/data-formats';

import { seededRandom } from '../pipeline/seeded-random';

// Deterministic web-like documents for the throughput measure: Zipf-ish English prose in paragraphs, with
// the noise real crawls carry (banners, footers, contact details, exact duplicates, junk pages, some
// typography outside ASCII) in roughly the proportions seen in Common Crawl extracts.

const COMMON = (
  'the of and to a in is that for it as was with be by on not he I this are or his from at which but have ' +
  'an they you were her she there one all we their been has more if will would so what about up when who ' +
  'can out other them these into time some could people than only its first new also after any work may ' +
  'two like over such our use how most even because many those where well should each year through ' +
  'between world state however both used made same day system life while during without under number ' +
  'part might high small large right since government great place found house local city country water ' +
  'public school family research data model training language process result important different ' +
  'development service information company market program report community health history change'
).split(' ');

const SYLLABLES = ['ka', 'lo', 'mi', 're', 'tan', 'vel', 'son', 'dri', 'pa', 'ne', 'gor', 'ith', 'ul', 'ber'];

const BOILERPLATE = [
  'This website uses cookies to improve your experience. Accept all cookies',
  '© 2024 Example Media Group. All rights reserved.',
  'Subscribe to our newsletter for weekly updates',
  'Share on Facebook',
  'Skip to main content',
];

function makeVocabulary(random: () => number): string[] {
  const rare: string[] = [];
  for (let i = 0; i < 3000; i++) {
    let word = '';
    const syllables = 2 + Math.floor(random() * 3);
    for (let s = 0; s < syllables; s++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)] ?? '';
    rare.push(word);
  }
  return [...COMMON, ...rare];
}

function sentence(random: () => number, vocabulary: string[]): string {
  const length = 8 + Math.floor(random() * 18);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    // Squaring skews picks towards the front (common words), a cheap Zipf-like shape.
    const word = vocabulary[Math.floor(random() * random() * vocabulary.length)] ?? 'the';
    words.push(word);
  }
  const first = words[0] ?? 'the';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  if (random() < 0.1) words.splice(3, 0, '—');
  if (random() < 0.08) words.push('“café”');
  return `${words.join(' ')}${random() < 0.1 ? '?' : '.'}`;
}

function document(random: () => number, vocabulary: string[]): string {
  const paragraphs: string[] = [];
  const count = 3 + Math.floor(random() * 10);
  for (let p = 0; p < count; p++) {
    const sentences: string[] = [];
    const n = 2 + Math.floor(random() * 5);
    for (let s = 0; s < n; s++) sentences.push(sentence(random, vocabulary));
    paragraphs.push(sentences.join(' '));
  }
  if (random() < 0.3) paragraphs.unshift(BOILERPLATE[Math.floor(random() * BOILERPLATE.length)] ?? '');
  if (random() < 0.3) paragraphs.push(BOILERPLATE[1] ?? '');
  if (random() < 0.1) paragraphs.push('Contact: jane.doe@example.com or call +44 20 7946 0958.');
  if (random() < 0.05) paragraphs.push('### SALE ### ... ### BUY NOW ### ... ### $$$ ###');
  return paragraphs.join('\n\n');
}

/** About `megabytes` MB of web-like text records (ids `doc-N`), 5% of them exact copies of earlier ones. */
export function syntheticWebRecords(megabytes: number, seed = 7): DataRecord[] {
  const random = seededRandom(seed);
  const vocabulary = makeVocabulary(random);
  const records: DataRecord[] = [];
  let chars = 0;
  while (chars < megabytes * 1_000_000) {
    const earlier = records[Math.floor(random() * records.length)];
    const text =
      earlier && random() < 0.05 && earlier.content.kind === 'text'
        ? earlier.content.text
        : document(random, vocabulary);
    const id = `doc-${records.length}`;
    records.push({
      id,
      content: { kind: 'text', text },
      metadata: {},
      provenance: { producer: 'synthetic', file: 'web.jsonl', line: records.length + 1 },
    });
    chars += text.length;
  }
  return records;
}
