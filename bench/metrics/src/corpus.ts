// Deterministic English-like parallel corpus: references, and hypotheses derived from them by seeded
// word drops, substitutions, inflection changes and swaps (so BLEU lands in a realistic 20–50 range).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS =
  'model dataset evaluation system user server request response token metric report team engineer service pipeline cluster node job batch experiment result score benchmark document sentence translation summary question answer policy contract market customer product price company city country government river mountain student teacher school hospital doctor patient study history record article window network memory process thread file version release'.split(
    ' ',
  );
const VERBS =
  'run train evaluate compute measure improve reduce increase deploy publish collect process translate summarize answer review approve reject monitor describe report analyze compare produce require support include provide consider develop expect change'.split(
    ' ',
  );
const ADJS =
  'large small fast slow new old accurate robust simple complex recent important public private local global final initial stable noisy clean careful significant available'.split(
    ' ',
  );
const ADVS = 'quickly carefully recently usually often rarely already still again nearly'.split(' ');
const FUNC = 'the a an this that these those its their our'.split(' ');
const PREPS = 'in on at for with from to by about during after before under over between'.split(' ');
const CONJ = 'and but while because although so'.split(' ');
const NAMES = 'Paris Berlin Alice Bob Google Europe March Monday Kafka Python'.split(' ');

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

function inflectVerb(r: Rand, v: string): string {
  const k = r();
  if (k < 0.35) return v.endsWith('e') ? `${v}d` : `${v}ed`;
  if (k < 0.6) return v.endsWith('s') || v.endsWith('sh') ? `${v}es` : `${v}s`;
  if (k < 0.75) return v.endsWith('e') ? `${v.slice(0, -1)}ing` : `${v}ing`;
  return v;
}

function noun(r: Rand): string {
  const n = pick(r, NOUNS);
  return r() < 0.3 ? (n.endsWith('s') || n.endsWith('ch') ? `${n}es` : `${n}s`) : n;
}

function number(r: Rand): string {
  const k = r();
  if (k < 0.4) return String(Math.floor(r() * 100));
  if (k < 0.7) return `${Math.floor(r() * 1000)}.${Math.floor(r() * 10)}`;
  if (k < 0.85) return `${Math.floor(r() * 100)}%`;
  return `${1990 + Math.floor(r() * 40)}`;
}

function clause(r: Rand): string[] {
  const w: string[] = [pick(r, FUNC)];
  if (r() < 0.5) w.push(pick(r, ADJS));
  w.push(r() < 0.1 ? pick(r, NAMES) : noun(r));
  if (r() < 0.2) w.push(pick(r, ADVS));
  w.push(inflectVerb(r, pick(r, VERBS)));
  if (r() < 0.3) w.push(number(r));
  w.push(pick(r, FUNC));
  if (r() < 0.4) w.push(pick(r, ADJS));
  w.push(noun(r));
  while (r() < 0.45) {
    w.push(pick(r, PREPS), r() < 0.15 ? pick(r, NAMES) : pick(r, FUNC));
    if (r() < 0.3) w.push(pick(r, ADJS));
    w.push(r() < 0.15 ? number(r) : noun(r));
  }
  return w;
}

/** One reference sentence of 1–4 clauses (about 6–60 words) with punctuation. */
export function sentence(r: Rand): string {
  const words = clause(r);
  const extra = Math.floor(r() * 3);
  for (let i = 0; i < extra; i++) {
    const sep = r();
    const last = words.length - 1;
    if (sep < 0.4) words[last] = `${words[last] ?? ''},`;
    else if (sep < 0.5) words.push('-');
    else if (sep < 0.6) words[last] = `${words[last] ?? ''};`;
    words.push(...(sep < 0.4 ? [pick(r, CONJ)] : []), ...clause(r));
  }
  if (r() < 0.1) {
    const i = 1 + Math.floor(r() * (words.length - 1));
    words[i] = `(${words[i] ?? ''})`;
  }
  if (r() < 0.08) words.splice(1, 0, `"${pick(r, NAMES)}"`);
  const first = words[0] ?? '';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  const end = r();
  return `${words.join(' ')}${end < 0.85 ? '.' : end < 0.95 ? '?' : '!'}`;
}

/** A noisy "system output" for the reference. */
export function perturb(r: Rand, ref: string): string {
  const out: string[] = [];
  for (const w of ref.split(' ')) {
    const k = r();
    if (k < 0.08) continue; // drop
    if (k < 0.16)
      out.push(r() < 0.5 ? pick(r, NOUNS) : pick(r, ADJS)); // substitute
    else if (k < 0.22 && /^[a-z]+$/.test(w))
      out.push(inflectVerb(r, w)); // wrong inflection
    else out.push(w);
    if (r() < 0.04) out.push(pick(r, FUNC)); // insertion
  }
  for (let i = 0; i + 1 < out.length; i++) {
    if (r() < 0.05) [out[i], out[i + 1]] = [out[i + 1] as string, out[i] as string];
  }
  return out.length > 0 ? out.join(' ') : ref;
}

export function writeCorpus(dir: string, size: number, seed: number): { words: number; chars: number } {
  const r = rng(seed);
  const refs: string[] = [];
  const hyps: string[] = [];
  for (let i = 0; i < size; i++) {
    const ref = sentence(r);
    refs.push(ref);
    hyps.push(perturb(r, ref));
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'refs.txt'), `${refs.join('\n')}\n`);
  writeFileSync(join(dir, 'hyps.txt'), `${hyps.join('\n')}\n`);
  const all = [...refs, ...hyps];
  return {
    words: all.reduce((s, x) => s + x.split(' ').length, 0) / all.length,
    chars: all.reduce((s, x) => s + x.length, 0) / all.length,
  };
}
