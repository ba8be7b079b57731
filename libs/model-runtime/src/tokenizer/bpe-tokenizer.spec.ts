import { generalEnglishParagraphs } from '../../corpus/general-english';
import { ModelRuntimeError } from '../errors/model-runtime-error';
import { BpeTokenizer } from './bpe-tokenizer';
import { BOS_ID, EOS_ID, PAD_ID } from './special-tokens';

const corpus = generalEnglishParagraphs();
const tokenizer = BpeTokenizer.train(corpus, 512);

const SAMPLES = [
  '',
  'The morning began with rain.',
  '  leading and trailing spaces  ',
  'tabs\tand\nnew lines\r\n\n and 12345 digits 3.14159',
  'Unicode: café, naïve, Zürich, Ελληνικά, русский, 日本語のテキスト, 한국어',
  'combining: e\u0301 a\u0308 and emoji 👩‍👩‍👧‍👦 🇺🇳 🙂',
  "punctuation!?… «quotes» “curly” — dashes; 'apostrophes' it's",
  'control \u0000 \u0007 characters and \uFEFF BOM',
];

describe('BpeTokenizer', () => {
  it('round-trips any well-formed Unicode text through encode and decode', () => {
    for (const text of SAMPLES) expect(tokenizer.decode(tokenizer.encode(text))).toBe(text);
  });

  it('learns exactly vocabSize tokens and compresses text it was trained on', () => {
    expect(tokenizer.vocabSize).toBe(512);
    const text = corpus.join('\n\n');
    const ids = tokenizer.encode(text);
    expect(Math.max(...ids)).toBeLessThan(512);
    expect(Buffer.byteLength(text) / ids.length).toBeGreaterThan(2); // bytes per token
  });

  it('is deterministic: the same texts give the same merges, in any order', () => {
    const again = BpeTokenizer.train([...corpus].reverse(), 512);
    expect(again.merges).toEqual(tokenizer.merges);
  });

  it('stops early when no pair occurs twice', () => {
    expect(BpeTokenizer.train(['abc'], 400).vocabSize).toBe(259);
  });

  it('never emits special tokens, and drops them when decoding', () => {
    const ids = tokenizer.encode(SAMPLES.join(' '));
    expect(ids).not.toContain(PAD_ID);
    expect(ids).not.toContain(BOS_ID);
    expect(ids).not.toContain(EOS_ID);
    expect(tokenizer.decode([BOS_ID, ...tokenizer.encode('hi'), EOS_ID, PAD_ID])).toBe('hi');
  });

  it('rebuilds from its spec with identical encodings', () => {
    const copy = BpeTokenizer.fromSpec(
      JSON.parse(JSON.stringify(tokenizer.toSpec())) as ReturnType<BpeTokenizer['toSpec']>,
    );
    for (const text of SAMPLES) expect(copy.encode(text)).toEqual(tokenizer.encode(text));
  });

  it('rejects merges that refer to tokens not yet defined', () => {
    const spec = { ...tokenizer.toSpec(), merges: [[600, 601] as const] };
    expect(() => BpeTokenizer.fromSpec(spec)).toThrow(ModelRuntimeError);
  });

  it('streams text without splitting a character across tokens', () => {
    const text = '日本語 🙂 café';
    const bytes = Buffer.from(text);
    const byteTokens = [...bytes]; // one token per byte: every multi-byte character is split
    const decoder = tokenizer.createStreamDecoder();
    const pieces = byteTokens.map((id) => decoder.push(id));
    expect(pieces.join('') + decoder.flush()).toBe(text);
    expect(pieces.every((piece) => !piece.includes('\uFFFD'))).toBe(true);
  });
});
