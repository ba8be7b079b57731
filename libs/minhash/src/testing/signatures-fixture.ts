import type { MinHashScheme } from '../minhash/min-hash-scheme';

/** libs/minhash/fixtures/signatures.json. */
export interface SignaturesFixture {
  seed: number;
  documents: {
    name: string;
    text: string;
    tokenCount: number;
    tokens?: string[];
    tokensSha1?: string;
    signatures: {
      ngram: number;
      scheme: MinHashScheme;
      numPerm: number;
      shingles: number;
      hashvaluesB64: string;
    }[];
  }[];
  jaccard: { a: string; b: string; ngram: number; scheme: MinHashScheme; numPerm: number; jaccard: number }[];
}

/** Decodes a fixture signature: base64 of little-endian uint32 values. */
export function decodeHashvalues(b64: string): number[] {
  const bytes = Buffer.from(b64, 'base64');
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) out.push(bytes.readUInt32LE(i));
  return out;
}
