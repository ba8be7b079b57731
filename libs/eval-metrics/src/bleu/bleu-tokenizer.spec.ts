import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BleuTokenizerName, tokenizeBleu } from './bleu-tokenizer';

interface TokenizerFixture {
  cases: { tokenize: BleuTokenizerName; input: string; output: string }[];
}

const fixture = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/bleu/tokenizers.json'), 'utf8'),
) as TokenizerFixture;

describe('tokenizeBleu (parity with sacreBLEU tokenizers)', () => {
  it.each(fixture.cases.map((c) => [c.tokenize, JSON.stringify(c.input), c] as const))(
    '%s %s',
    (_, __, c) => {
      expect(tokenizeBleu(c.input, c.tokenize)).toBe(c.output);
    },
  );
});
