import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalBleuCommand } from './eval-bleu.command';
import { evalChrfCommand } from './eval-chrf.command';

// Expected lines are what `sacrebleu 2.6.0 -f text` printed for these same files.
const HYP = 'The cat sat on the mat.\nIt costs $1,000.50 or 3-4 times.  \n我爱北京天安门。\n';
const REF1 =
  'the cat is on the mat\nIt costs $1,000.50 -- or 3-4 times, i.e. 12.5%!\n我爱北京天安门。你好，世界！\n';
const REF2 = 'There is a cat on the mat.\nIt costs 1000 dollars.\n我爱北京\n';

const dir = mkdtempSync(join(tmpdir(), 'llmops-eval-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const hyp = file('h.txt', HYP);
const ref1 = file('r1.txt', REF1);
const ref2 = file('r2.txt', REF2);

async function run(command: () => import('commander').Command, args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  try {
    await command().exitOverride().parseAsync(args, { from: 'user' });
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  return { stdout, stderr, exitCode };
}

describe('llmops eval bleu', () => {
  it('prints sacreBLEU’s text line for corpus BLEU with two references', async () => {
    const { stdout, exitCode } = await run(evalBleuCommand, ['--hyp', hyp, '--ref', ref1, '--ref', ref2]);
    expect(exitCode).toBeUndefined();
    expect(stdout).toBe(
      'BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = 57.4 83.3/66.7/53.8/36.4 (BP = 1.000 ratio = 1.500 hyp_len = 18 ref_len = 12)\n',
    );
  });

  it('prints one line per segment with --sentence', async () => {
    const args = [
      '--hyp',
      hyp,
      '--ref',
      ref1,
      '--ref',
      ref2,
      '--sentence',
      '--tokenize',
      'intl',
      '--smooth',
      'floor',
    ];
    const { stdout } = await run(evalBleuCommand, args);
    const sig = 'BLEU|nrefs:2|case:mixed|eff:yes|tok:intl|smooth:floor[0.10]|version:2.6.0';
    expect(stdout.split('\n')).toEqual([
      `${sig} = 43.5 71.4/50.0/40.0/25.0 (BP = 1.000 ratio = 1.167 hyp_len = 7 ref_len = 6)`,
      `${sig} = 51.7 100.0/71.4/50.0/20.0 (BP = 1.000 ratio = 1.600 hyp_len = 8 ref_len = 5)`,
      `${sig} = 100.0 100.0/100.0/0.0/0.0 (BP = 1.000 ratio = 2.000 hyp_len = 2 ref_len = 1)`,
      '',
    ]);
  });

  it('prints JSON with the score and signature, and scores with --sentence', async () => {
    const corpus = JSON.parse(
      (await run(evalBleuCommand, ['--hyp', hyp, '--ref', ref1, '--json'])).stdout,
    ) as {
      score: number;
      signature: string;
      counts: number[];
    };
    expect(corpus.signature).toBe('nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0');
    expect(corpus.counts).toHaveLength(4);
    const args = ['--hyp', hyp, '--ref', ref1, '--json', '--sentence', '--lowercase'];
    const sentence = JSON.parse((await run(evalBleuCommand, args)).stdout) as { scores: number[] };
    expect(sentence.scores).toHaveLength(3);
  });

  it('names both files and counts when line counts differ, exit code 2', async () => {
    const short = file('short.txt', 'a\nb\n');
    const { stdout, stderr, exitCode } = await run(evalBleuCommand, ['--hyp', hyp, '--ref', short]);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`llmops: ${hyp} has 3 lines but ${short} has 2\n`);
  });

  it('refuses an empty hypothesis file as sacreBLEU does, exit code 2', async () => {
    const empty = file('empty.txt', '');
    const { stderr, exitCode } = await run(evalBleuCommand, [
      '--hyp',
      empty,
      '--ref',
      file('empty-ref.txt', ''),
    ]);
    expect(exitCode).toBe(2);
    expect(stderr).toBe(`llmops: ${empty} has no segments\n`);
  });

  it('needs at least one reference', async () => {
    const { stderr, exitCode } = await run(evalBleuCommand, ['--hyp', hyp]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain('--ref');
  });
});

describe('llmops eval chrf', () => {
  it('prints sacreBLEU’s chrF++ line', async () => {
    const args = ['--hyp', hyp, '--ref', ref1, '--ref', ref2, '--word-order', '2'];
    const { stdout } = await run(evalChrfCommand, args);
    expect(stdout).toBe('chrF2++|nrefs:2|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0 = 59.0\n');
  });

  it('prints sentence chrF lines and JSON scores', async () => {
    const sig = 'chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0';
    const { stdout } = await run(evalChrfCommand, ['--hyp', hyp, '--ref', ref1, '--sentence']);
    expect(stdout).toBe(`${sig} = 57.4\n${sig} = 61.7\n${sig} = 52.2\n`);
    const json = await run(evalChrfCommand, ['--hyp', hyp, '--ref', ref1, '--sentence', '--json']);
    expect((JSON.parse(json.stdout) as { scores: number[] }).scores).toHaveLength(3);
  });

  it('exits 2 on mismatched line counts', async () => {
    const { exitCode, stderr } = await run(evalChrfCommand, ['--hyp', hyp, '--ref', file('one.txt', 'x\n')]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain('has 3 lines but');
  });
});
