// A seeded web-like JSON Lines corpus: what a crawl extract (C4 / RefinedWeb style `{id,url,timestamp,text}`
// rows) looks like before cleaning. Documents are generated one at a time, so a corpus of any size costs
// only the reservoir of earlier originals that duplicates are copied from.

/** What a generated line is, so the report can set what the recipe dropped against what was planted. */
export const LINE_KINDS = [
  'original',
  'exact-duplicate',
  'whitespace-duplicate',
  'near-duplicate',
  'junk',
  'malformed-json',
] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export interface CorpusLine {
  /** The JSON line, without its newline. */
  line: string;
  kind: LineKind;
  /** Characters of the document text (0 for malformed lines). */
  textChars: number;
  pii: boolean;
  html: boolean;
}

/** Shares of lines per kind (the rest are originals) and of originals carrying PII or HTML leftovers. */
export const MIX = {
  exactDuplicate: 0.04,
  whitespaceDuplicate: 0.02,
  nearDuplicate: 0.07,
  junk: 0.07,
  malformedJson: 0.002,
  pii: 0.06,
  html: 0.03,
  boilerplateHeader: 0.25,
  boilerplateFooter: 0.3,
} as const;

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The most frequent English words first (they include Gopher's stop words), then pseudo-words.
const COMMON = (
  'the of and to a in is that for it as was with be by on not he this are or his from at which but have an ' +
  'they you were her she there one all we their been has more if will would so what about up when who can ' +
  'out other them these into time some could people than only its first new also after any work may two ' +
  'like over such our use how most even because many those where well should each year through between ' +
  'world state however both used made same day system life while during without under number part might ' +
  'high small large right since government great place found house local city country water public school ' +
  'family research data model training language process result important different development service ' +
  'information company market program report community health history change business students support ' +
  'members project design experience quality customers products online free available best home page ' +
  'course order access software search based price music video travel food water energy science policy'
).split(' ');
const SYLLABLES = ['ka', 'lo', 'mi', 're', 'tan', 'vel', 'son', 'dri', 'pa', 'ne', 'gor', 'ith', 'ul', 'ber'];
const SYLLABLES_2 = ['st', 'ion', 'ment', 'ar', 'en', 'ly', 'ed', 'ing', 'er', 'ous', 'al', 'ic', 'an', 'or'];
const VOCABULARY_SIZE = 20_000;
/** Resolution of the inverse-CDF table words are drawn from. */
const ZIPF_TABLE_SIZE = 1 << 20;

const HEADERS = [
  'Skip to main content',
  'This website uses cookies to improve your experience. Accept all cookies',
  'Home / Blog / Articles',
  'Advertisement',
];
const FOOTERS = [
  '© 2023 Example Media Group. All rights reserved.',
  'Subscribe to our newsletter for weekly updates',
  'Share on Facebook',
  'Related posts',
  'Leave a comment',
];
const DOMAINS = [
  'example',
  'blogspot',
  'newsroom',
  'cityguide',
  'techdaily',
  'healthhub',
  'recipes',
  'forum',
];
const TLDS = ['com', 'org', 'net', 'co.uk', 'de', 'io'];
const FIRST_NAMES = ['jane', 'john', 'maria', 'li', 'ahmed', 'olga', 'sam', 'priya', 'tom', 'ines'];
const MAIL_HOSTS = ['gmail.com', 'example.org', 'mail.example.com', 'outlook.com', 'company.co.uk'];

/**
 * Generates corpus lines, deterministically for a seed. Shapes are meant to be plausible rather than a
 * model of any one crawl: log-normal document lengths (median ~330 words, long tail to 20k), Zipf word
 * frequencies, paragraphs of 2-8 sentences, consent banners and legal footers on a share of pages.
 */
export class WebCorpus {
  private readonly random: () => number;
  private readonly vocabulary: string[];
  private readonly zipf: Int32Array;
  /** A uniform sample of earlier originals, which duplicates copy. */
  private readonly reservoir: string[] = [];
  private originals = 0;
  private index = 0;

  constructor(
    seed: number,
    private readonly reservoirSize = 4096,
  ) {
    this.random = mulberry32(seed);
    this.vocabulary = this.makeVocabulary();
    this.zipf = this.makeZipfTable();
  }

  next(): CorpusLine {
    const id = `web-${String(this.index++).padStart(10, '0')}`;
    const r = this.random();
    let cut = MIX.malformedJson;
    if (r < cut) return this.malformed(id);
    if (this.reservoir.length > 0) {
      if (r < (cut += MIX.exactDuplicate)) return this.row(id, this.pickEarlier(), 'exact-duplicate');
      if (r < (cut += MIX.whitespaceDuplicate))
        return this.row(id, this.whitespaceVariant(this.pickEarlier()), 'whitespace-duplicate');
      if (r < (cut += MIX.nearDuplicate))
        return this.row(id, this.nearVariant(this.pickEarlier()), 'near-duplicate');
    } else {
      cut += MIX.exactDuplicate + MIX.whitespaceDuplicate + MIX.nearDuplicate;
    }
    if (r < cut + MIX.junk) return this.row(id, this.junk(), 'junk');
    return this.original(id);
  }

  private original(id: string): CorpusLine {
    const pii = this.random() < MIX.pii;
    const html = this.random() < MIX.html;
    const paragraphs = this.body();
    if (pii) {
      const at = Math.floor(this.random() * (paragraphs.length + 1));
      paragraphs.splice(at, 0, this.piiParagraph());
    }
    let text = html ? this.asHtml(paragraphs) : paragraphs.join(this.random() < 0.5 ? '\n\n' : '\n');
    if (this.random() < MIX.boilerplateHeader) text = `${this.pick(HEADERS)}\n${text}`;
    if (this.random() < MIX.boilerplateFooter) text = `${text}\n${this.pick(FOOTERS)}`;
    this.remember(text);
    return { ...this.row(id, text, 'original'), pii, html };
  }

  private row(id: string, text: string, kind: LineKind): CorpusLine {
    const domain = `${this.pick(DOMAINS)}${String(Math.floor(this.random() * 5000))}.${this.pick(TLDS)}`;
    const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(this.random() * 5 * 365 * 86_400_000));
    const line = JSON.stringify({
      id,
      url: `https://www.${domain}/${this.word()}-${this.word()}-${String(this.index)}`,
      timestamp: day.toISOString().replace(/\.\d+Z$/, 'Z'),
      text,
    });
    return { line, kind, textChars: text.length, pii: false, html: false };
  }

  private malformed(id: string): CorpusLine {
    // A line cut off mid-string, as a truncated crawl write leaves it.
    const full = JSON.stringify({ id, text: this.sentence() + ' ' + this.sentence() });
    return {
      line: full.slice(0, Math.floor(full.length * 0.6)),
      kind: 'malformed-json',
      textChars: 0,
      pii: false,
      html: false,
    };
  }

  /** Paragraphs of a document whose word count is log-normal around ~330 (clamped to 60..20,000). */
  private body(): string[] {
    const normal = Math.sqrt(-2 * Math.log(1 - this.random())) * Math.cos(2 * Math.PI * this.random());
    const words = Math.min(20_000, Math.max(60, Math.round(Math.exp(Math.log(330) + 0.9 * normal))));
    const paragraphs: string[] = [];
    let count = 0;
    while (count < words) {
      const sentences: string[] = [];
      const n = 2 + Math.floor(this.random() * 7);
      for (let s = 0; s < n && count < words; s++) {
        const sentence = this.sentence();
        count += sentence.split(' ').length;
        sentences.push(sentence);
      }
      paragraphs.push(sentences.join(' '));
    }
    return paragraphs;
  }

  private sentence(): string {
    const length = 6 + Math.floor(this.random() * 24);
    const words: string[] = [];
    for (let i = 0; i < length; i++) {
      let word = this.word();
      if (i > 2 && i < length - 1 && this.random() < 0.06) word += ',';
      words.push(word);
    }
    const first = words[0] ?? 'the';
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    if (this.random() < 0.03) words.push(String(1 + Math.floor(this.random() * 2000)));
    if (this.random() < 0.02) words.splice(2, 0, '“café”');
    const r = this.random();
    return `${words.join(' ')}${r < 0.08 ? '?' : r < 0.1 ? '!' : '.'}`;
  }

  private word(): string {
    return this.vocabulary[this.zipf[Math.floor(this.random() * ZIPF_TABLE_SIZE)] ?? 0] ?? 'the';
  }

  private pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  private remember(text: string): void {
    // Reservoir sampling (algorithm R): every original so far is equally likely to be copied later.
    this.originals++;
    if (this.reservoir.length < this.reservoirSize) this.reservoir.push(text);
    else {
      const slot = Math.floor(this.random() * this.originals);
      if (slot < this.reservoirSize) this.reservoir[slot] = text;
    }
  }

  private pickEarlier(): string {
    return this.pick(this.reservoir);
  }

  /** The same page saved again with different line endings and stray spaces. */
  private whitespaceVariant(text: string): string {
    return text.replace(/\n/g, '\r\n').replace(/\. /g, () => (this.random() < 0.3 ? '.  ' : '. ')) + '  ';
  }

  /** A lightly edited copy: 0.5-2% of words replaced, dropped or inserted, sometimes a new dateline. */
  private nearVariant(text: string): string {
    const words = text.split(' ');
    const rate = 0.005 + this.random() * 0.015;
    const edits = Math.max(1, Math.round(words.length * rate));
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(this.random() * words.length);
      const op = this.random();
      if (op < 0.5) words[at] = this.word();
      else if (op < 0.75) words.splice(at, 1);
      else words.splice(at, 0, this.word());
    }
    const edited = words.join(' ');
    if (this.random() < 0.3) {
      const month = this.pick(['January', 'March', 'June', 'September', 'November']);
      return `Updated ${String(1 + Math.floor(this.random() * 28))} ${month} 2023\n${edited}`;
    }
    return edited;
  }

  /** Pages Gopher's rules reject: too short, menus, repeated lines, symbol spam, number tables, keyword stuffing. */
  private junk(): string {
    const kind = Math.floor(this.random() * 6);
    switch (kind) {
      case 0:
        return `404 Not Found. ${this.sentence()}`;
      case 1: {
        const items = Array.from({ length: 20 + Math.floor(this.random() * 40) }, () => `• ${this.word()}`);
        return items.join('\n');
      }
      case 2: {
        const line = this.sentence();
        return Array.from({ length: 15 + Math.floor(this.random() * 30) }, () => line).join('\n');
      }
      case 3:
        return Array.from({ length: 60 }, () => `### ${this.word().toUpperCase()} ### ...`).join(' ');
      case 4:
        return Array.from({ length: 40 }, () =>
          Array.from({ length: 6 }, () => (this.random() * 1000).toFixed(2)).join(' | '),
        ).join('\n');
      default: {
        const phrase = `cheap ${this.word()} ${this.word()} online`;
        return Array.from({ length: 40 }, () => phrase).join(' ');
      }
    }
  }

  private piiParagraph(): string {
    const name = this.pick(FIRST_NAMES);
    const email = `${name}.${this.word()}${String(Math.floor(this.random() * 100))}@${this.pick(MAIL_HOSTS)}`;
    const phone = `+1 ${String(200 + Math.floor(this.random() * 700))} 555 ${String(1000 + Math.floor(this.random() * 9000))}`;
    switch (Math.floor(this.random() * 4)) {
      case 0:
        return `For more details contact ${email} or call ${phone} during office hours.`;
      case 1:
        return `Payment was made with card ${this.cardNumber()} and the receipt went to ${email}.`;
      case 2:
        return `The server at ${this.ipv4()} logged the request, please write to ${email} with questions.`;
      default:
        return `Wire the deposit to IBAN ${this.iban()} and send the reference to ${email}.`;
    }
  }

  private asHtml(paragraphs: string[]): string {
    const link = `<a href="https://www.example.com/${this.word()}">${this.word()} &amp; ${this.word()}</a>`;
    return paragraphs.map((p, i) => (i === 0 ? `<p>${p} ${link}</p>` : `<p>${p}</p>`)).join('\n');
  }

  /** A Visa-shaped number with a valid Luhn check digit, printed in groups of four. */
  private cardNumber(): string {
    const digits = [4];
    while (digits.length < 15) digits.push(Math.floor(this.random() * 10));
    let sum = 0;
    for (let i = 0; i < 15; i++) {
      // From the right, once the check digit is appended, every second digit is doubled.
      let d = digits[14 - i] ?? 0;
      if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    digits.push((10 - (sum % 10)) % 10);
    return digits.join('').replace(/(\d{4})(?=\d)/g, '$1 ');
  }

  private ipv4(): string {
    return Array.from({ length: 4 }, () => String(1 + Math.floor(this.random() * 253))).join('.');
  }

  /** A German IBAN with valid ISO 7064 mod-97 check digits. */
  private iban(): string {
    let bban = '';
    for (let i = 0; i < 18; i++) bban += String(Math.floor(this.random() * 10));
    // Check digits: 98 - (BBAN + "DE00" as digits, D=13 E=14) mod 97, computed piecewise.
    let remainder = 0;
    for (const ch of `${bban}131400`) remainder = (remainder * 10 + Number(ch)) % 97;
    const check = String(98 - remainder).padStart(2, '0');
    return `DE${check}${bban}`.replace(/(.{4})(?=.)/g, '$1 ');
  }

  private makeVocabulary(): string[] {
    const words = [...COMMON];
    const seen = new Set(words);
    while (words.length < VOCABULARY_SIZE) {
      let word = '';
      const syllables = 1 + Math.floor(this.random() * 3);
      for (let s = 0; s < syllables; s++) word += this.pick(SYLLABLES);
      if (this.random() < 0.6) word += this.pick(SYLLABLES_2);
      if (!seen.has(word)) {
        seen.add(word);
        words.push(word);
      }
    }
    return words;
  }

  /** Inverse CDF of Zipf(s = 1) over the vocabulary, quantised so a draw is one table lookup. */
  private makeZipfTable(): Int32Array {
    const n = this.vocabulary.length;
    let total = 0;
    for (let rank = 1; rank <= n; rank++) total += 1 / rank;
    const table = new Int32Array(ZIPF_TABLE_SIZE);
    let rank = 0;
    let cumulative = 1 / total;
    for (let i = 0; i < ZIPF_TABLE_SIZE; i++) {
      const u = (i + 0.5) / ZIPF_TABLE_SIZE;
      while (u > cumulative && rank < n - 1) {
        rank++;
        cumulative += 1 / (rank + 1) / total;
      }
      table[i] = rank;
    }
    return table;
  }
}
