import { GOPHER_STOP_WORDS, stopWordMatcher } from './stop-word-matcher';
import { TextScanner } from './text-scanner';

const gopher = stopWordMatcher(GOPHER_STOP_WORDS);

function scan(text: string, stops = gopher): TextScanner {
  const scanner = new TextScanner();
  scanner.scan(text, stops);
  return scanner;
}

describe('TextScanner', () => {
  it('counts words, their characters and the ones with letters', () => {
    const s = scan('Hello, world! 42 is\tthe answer — café');
    expect(s.count).toBe(8);
    expect(s.chars).toBe('Hello,world!42istheanswer—café'.length);
    expect(s.alphaWords).toBe(6); // not "42", not "—"
  });

  it('counts stop words case-insensitively with punctuation around them', () => {
    expect(scan('The cat and, "the" dog. (Of) course THE end; them theory').stopWords).toBe(5);
  });

  it('does not take words with letters after punctuation for stop words', () => {
    expect(scan("the-end to's a.b").stopWords).toBe(0);
  });

  it('matches stop words outside ASCII through the slow path', () => {
    const german = stopWordMatcher(['für', 'über', 'und']);
    expect(scan('Für dich und über uns, "für" alle.', german).stopWords).toBe(4);
  });

  it('counts hashes and ellipses', () => {
    const s = scan('#tag ## wait... what…… and......');
    expect(s.hashes).toBe(3);
    expect(s.ellipses).toBe(1 + 2 + 2);
  });

  it('counts non-blank lines, bullets and lines ending in an ellipsis', () => {
    const s = scan('Intro line\n\n- first\n• second\n  * third\nAnd then...\nstop…\n   \n');
    expect(s.lines).toBe(6);
    expect(s.bulletLines).toBe(3);
    expect(s.ellipsisLines).toBe(2);
  });

  it('counts repeats of earlier lines and their characters, ignoring indentation', () => {
    const s = scan('Share this\nBody text\n  Share this\nShare this\nshare this');
    expect(s.duplicateLines).toBe(2);
    expect(s.duplicateLineChars).toBe(20);
  });

  it('reuses its buffers across texts, growing for long ones', () => {
    const scanner = new TextScanner();
    scanner.scan('word '.repeat(5000), gopher);
    expect(scanner.count).toBe(5000);
    scanner.scan('two words', gopher);
    expect(scanner.count).toBe(2);
    expect(scanner.duplicateLines).toBe(0);
  });
});
