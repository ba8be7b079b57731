import { ModelRuntimeError } from '../errors/model-runtime-error';
import { PRETOKENIZER_NAME, pretokenize } from './pretokenize';
import { BOS_ID, BYTE_TOKENS, EOS_ID, FIRST_MERGE_ID, PAD_ID } from './special-tokens';
import { type BpeMerge, mergePair, trainBpe } from './train-bpe';

/** What tokenizer.json holds: enough to rebuild the exact same encoder. */
export interface TokenizerSpec {
  readonly type: 'byte-bpe';
  readonly pretokenizer: typeof PRETOKENIZER_NAME;
  readonly specialTokens: { readonly pad: number; readonly bos: number; readonly eos: number };
  readonly merges: readonly BpeMerge[];
}

/** Chunk encodings are cached; past this many distinct chunks the cache starts over. */
const CACHE_LIMIT = 50_000;

/**
 * Byte-level BPE: any well-formed Unicode string encodes (unknown text falls back to byte tokens) and
 * decodes back to itself. Special tokens are never produced by `encode`; callers add BOS/EOS.
 */
export class BpeTokenizer {
  readonly vocabSize: number;
  readonly padId = PAD_ID;
  readonly bosId = BOS_ID;
  readonly eosId = EOS_ID;
  private readonly ranks = new Map<number, number>();
  private readonly tokenBytes: Uint8Array[] = [];
  private readonly cache = new Map<string, readonly number[]>();
  private readonly encoder = new TextEncoder();

  private constructor(readonly merges: readonly BpeMerge[]) {
    this.vocabSize = FIRST_MERGE_ID + merges.length;
    for (let id = 0; id < BYTE_TOKENS; id++) this.tokenBytes.push(Uint8Array.of(id));
    for (let id = BYTE_TOKENS; id < FIRST_MERGE_ID; id++) this.tokenBytes.push(new Uint8Array(0));
    merges.forEach(([left, right], index) => {
      const id = FIRST_MERGE_ID + index;
      const a = this.tokenBytes[left];
      const b = this.tokenBytes[right];
      if (
        a === undefined ||
        b === undefined ||
        left >= id ||
        right >= id ||
        isSpecial(left) ||
        isSpecial(right)
      ) {
        throw new ModelRuntimeError('INVALID_ARTIFACT', `tokenizer merge ${index} refers to unknown tokens`);
      }
      const joined = new Uint8Array(a.length + b.length);
      joined.set(a, 0);
      joined.set(b, a.length);
      this.tokenBytes.push(joined);
      this.ranks.set(left * 65536 + right, index);
    });
  }

  /** Learns merges from `texts` until the vocabulary (bytes and specials included) has `vocabSize` tokens. */
  static train(texts: Iterable<string>, vocabSize: number): BpeTokenizer {
    return new BpeTokenizer(trainBpe(texts, vocabSize));
  }

  /** Rebuilds a tokenizer from its tokenizer.json content. */
  static fromSpec(spec: TokenizerSpec): BpeTokenizer {
    if (
      spec.specialTokens.pad !== PAD_ID ||
      spec.specialTokens.bos !== BOS_ID ||
      spec.specialTokens.eos !== EOS_ID
    ) {
      throw new ModelRuntimeError('INVALID_ARTIFACT', 'tokenizer special token ids differ from 256/257/258');
    }
    return new BpeTokenizer(spec.merges);
  }

  toSpec(): TokenizerSpec {
    return {
      type: 'byte-bpe',
      pretokenizer: PRETOKENIZER_NAME,
      specialTokens: { pad: PAD_ID, bos: BOS_ID, eos: EOS_ID },
      merges: this.merges,
    };
  }

  /** Token ids of `text`, without BOS/EOS. */
  encode(text: string): number[] {
    const ids: number[] = [];
    for (const chunk of pretokenize(text)) {
      for (const id of this.encodeChunk(chunk)) ids.push(id);
    }
    return ids;
  }

  /** The UTF-8 bytes a token stands for (empty for special tokens). */
  bytesOf(id: number): Uint8Array {
    return this.tokenBytes[id] ?? new Uint8Array(0);
  }

  /** Text of `ids`; special tokens are dropped, and bytes that are not valid UTF-8 become U+FFFD. */
  decode(ids: Iterable<number>): string {
    const parts: Uint8Array[] = [];
    let length = 0;
    for (const id of ids) {
      const bytes = this.bytesOf(id);
      parts.push(bytes);
      length += bytes.length;
    }
    const all = new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
      all.set(part, offset);
      offset += part.length;
    }
    return new TextDecoder().decode(all);
  }

  /**
   * A decoder for a token stream: `push` returns the text completed by that token, holding back the bytes
   * of a character split across tokens until its last byte arrives.
   */
  createStreamDecoder(): { push(id: number): string; flush(): string } {
    const decoder = new TextDecoder();
    return {
      push: (id) => decoder.decode(this.bytesOf(id), { stream: true }),
      flush: () => decoder.decode(),
    };
  }

  private encodeChunk(chunk: string): readonly number[] {
    const cached = this.cache.get(chunk);
    if (cached !== undefined) return cached;
    let ids = Array.from(this.encoder.encode(chunk));
    while (ids.length > 1) {
      let bestRank = Infinity;
      let bestIndex = -1;
      for (let i = 0; i + 1 < ids.length; i++) {
        const rank = this.ranks.get((ids[i] ?? 0) * 65536 + (ids[i + 1] ?? 0));
        if (rank !== undefined && rank < bestRank) {
          bestRank = rank;
          bestIndex = i;
        }
      }
      if (bestIndex < 0) break;
      const left = ids[bestIndex] ?? 0;
      const right = ids[bestIndex + 1] ?? 0;
      ids = mergePair(ids, left, right, FIRST_MERGE_ID + bestRank);
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(chunk, ids);
    return ids;
  }
}

function isSpecial(id: number): boolean {
  return id >= BYTE_TOKENS && id < FIRST_MERGE_ID;
}
