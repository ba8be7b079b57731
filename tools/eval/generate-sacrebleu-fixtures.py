#!/usr/bin/env python3
"""Writes BLEU and chrF fixtures from the real sacreBLEU so the TypeScript port is held to it (1e-9).

Run from the repository root (CI does not; the JSON it writes is committed):
    pip install sacrebleu==2.6.0
    python3 tools/eval/generate-sacrebleu-fixtures.py
    npx prettier --write libs/eval-metrics/fixtures/bleu libs/eval-metrics/fixtures/chrf
Last run with: Python 3.11.7, sacrebleu 2.6.0, regex 2026.5.9.
"""
import json
import os
import sys

import regex
import sacrebleu
from sacrebleu.metrics import BLEU, CHRF

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'libs', 'eval-metrics', 'fixtures')

# Segments chosen to hit each tokenizer rule: 13a's digit-aware period/comma/dash splitting and HTML
# entities, intl's Unicode punctuation and symbols, casing (incl. Greek final sigma), CJK, accents,
# Python-only whitespace (\x1c, \x85), empty strings and trailing whitespace.
SEGMENTS = [
    'The cat sat on the mat.',
    'the cat is on the mat',
    'It costs $1,000.50 -- or 3-4 times, i.e. 12.5%!',
    'Prices rose 3.5% in 2023. Then fell.',
    'He said: "Don\'t go (yet)!" and left...',
    '&quot;Quoted&quot; &amp; &lt;tagged&gt; <skipped> text',
    'hyphen-\nated line\nbreak',
    'Ça coûte 10 € — très cher… « vraiment » ?',
    'Über straße ÄÖÜ Élan naïve café',
    'ΣΟΦΟΣ ΛΟΓΟΣ Οδυσσεύς',
    '我爱北京天安门。你好，世界！',
    '東京は日本の首都です「テスト」',
    'Emoji 😀 test ★ ♥ © ® ™ ± × ÷ 1/2',
    '¿Qué tal? ¡Muy bien! ‘single’ “double” 1,5 ½ Ⅻ ٣',
    'mixed\tTabs  and   spaces   ',
    'sep\x1cfile\x85next\u00a0nbsp\u3000ideo',
    '',
    '   ',
    'a',
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen',
    '2019. 3,4 5.6. x.y a,b 1-2 a-b 9-',
    '(hi) [there] {you} #tag @user http://x.y/z?q=1&r=2',
    'A',
    'THE CAT SAT ON THE MAT.',
]

HYP_REF_PAIRS = [
    ('The cat sat on the mat.', ['The cat sat on the mat.']),
    ('The cat sat on the mat.', ['the cat is on the mat']),
    ('the the the the the the the', ['The cat is on the mat.', 'There is a cat on the mat.']),
    ('It costs $1,000.50 or 3-4 times.', ['It costs $1,000.50 -- or 3-4 times, i.e. 12.5%!']),
    ('Prices rose 3.5% in 2023.', ['Prices rose 3.5% in 2023. Then fell.', 'In 2023 prices rose by 3.5%.']),
    ('Ça coûte 10 € — très cher !', ['Ça coûte 10 € — très cher… « vraiment » ?']),
    ('我爱北京天安门。', ['我爱北京天安门。你好，世界！']),
    ('ΣΟΦΟΣ λογος', ['ΣΟΦΟΣ ΛΟΓΟΣ Οδυσσεύς']),
    ('', ['The cat sat on the mat.']),
    ('The cat', ['']),
    ('', ['']),
    ('a', ['a']),
    ('a b', ['a b c d e']),
    ('one two three four five six seven', ['one two three four five six seven eight nine ten']),
    ('He said: "Don\'t go (yet)!"', ['He said: "Don\'t go (yet)!" and left...', 'He said "don\'t go yet" and left']),
    ('(hi) [there] you', ['(hi) [there] {you} #tag @user']),
    ('Emoji 😀 test ★', ['Emoji 😀 test ★ ♥ © ® ™']),
    ('THE CAT SAT ON THE MAT.', ['The cat sat on the mat.']),
    ('hyphen-\nated line', ['hyphen-\nated line\nbreak']),
    ('mixed\tTabs  and spaces   ', ['mixed Tabs and   spaces']),
    ('Über straße naïve', ['über Straße naive café']),
    ('ten nine eight seven six five four three two one', ['one two three four five six seven eight nine ten']),
]

CORPORA = [
    # (name, hyps, ref streams)
    ('single-ref', [p[0] for p in HYP_REF_PAIRS], [[p[1][0] for p in HYP_REF_PAIRS]]),
    (
        'two-refs',
        [p[0] for p in HYP_REF_PAIRS],
        [[p[1][0] for p in HYP_REF_PAIRS], [p[1][-1] + ' extra words here' for p in HYP_REF_PAIRS]],
    ),
    (
        'three-refs-short',
        ['The cat sat on the mat.', 'a b', 'Prices rose 3.5% in 2023.'],
        [
            ['the cat is on the mat', 'a b c', 'Prices rose 3.5% in 2023. Then fell.'],
            ['There is a cat on the mat.', 'a', 'In 2023 prices rose by 3.5%.'],
            ['A cat sat on a mat.', 'b a', 'Prices rose.'],
        ],
    ),
    ('all-empty-hyps', ['', ''], [['The cat.', 'A dog.']]),
    ('no-matches', ['xyz', 'qqq www'], [['The cat.', 'A dog.']]),
    ('unigrams-only', ['cat dog', 'dog'], [['dog cat', 'cat']]),
    ('one-segment', ['The cat sat on the mat.'], [['The cat sat on the mat.']]),
]

TOKENIZERS = ['13a', 'intl', 'char', 'none']
SMOOTHS = ['exp', 'floor', 'add-k', 'none']


def bleu_result(score, metric):
    return {
        'score': score.score,
        'counts': list(score.counts),
        'totals': list(score.totals),
        'precisions': list(score.precisions),
        'bp': score.bp,
        'sys_len': score.sys_len,
        'ref_len': score.ref_len,
        'signature': str(metric.get_signature()),
        'text': score.format(signature=str(metric.get_signature())),
    }


def tokenizer_fixtures():
    cases = []
    for tok in TOKENIZERS:
        tokenizer = BLEU(tokenize=tok).tokenizer
        for seg in SEGMENTS:
            cases.append({'tokenize': tok, 'input': seg, 'output': tokenizer(seg)})
    return cases


def bleu_corpus_fixtures():
    cases = []
    for name, hyps, refs in CORPORA:
        for tok in TOKENIZERS:
            for smooth in SMOOTHS:
                for lowercase in (False, True):
                    for eff in (False, True):
                        options = {'tokenize': tok, 'smooth': smooth, 'lowercase': lowercase, 'effectiveOrder': eff}
                        metric = BLEU(tokenize=tok, smooth_method=smooth, lowercase=lowercase, effective_order=eff)
                        score = metric.corpus_score(hyps, refs)
                        cases.append({'corpus': name, 'options': options, 'expected': bleu_result(score, metric)})
    return cases


def bleu_sentence_fixtures():
    cases = []
    for hyp, refs in HYP_REF_PAIRS:
        for tok in TOKENIZERS:
            for smooth in SMOOTHS:
                for lowercase in (False, True):
                    options = {'tokenize': tok, 'smooth': smooth, 'lowercase': lowercase}
                    score = sacrebleu.sentence_bleu(hyp, refs, smooth_method=smooth, lowercase=lowercase, tokenize=tok)
                    metric = BLEU(tokenize=tok, smooth_method=smooth, lowercase=lowercase, effective_order=True)
                    metric.sentence_score(hyp, refs)
                    cases.append({'hyp': hyp, 'refs': refs, 'options': options, 'expected': bleu_result(score, metric)})
    return cases


CHRF_VARIANTS = [
    {'wordOrder': 0, 'lowercase': False, 'whitespace': False, 'epsSmoothing': False},
    {'wordOrder': 2, 'lowercase': False, 'whitespace': False, 'epsSmoothing': False},
    {'wordOrder': 0, 'lowercase': True, 'whitespace': False, 'epsSmoothing': False},
    {'wordOrder': 2, 'lowercase': True, 'whitespace': True, 'epsSmoothing': False},
    {'wordOrder': 0, 'lowercase': False, 'whitespace': True, 'epsSmoothing': True},
    {'wordOrder': 2, 'lowercase': False, 'whitespace': False, 'epsSmoothing': True},
    {'wordOrder': 1, 'lowercase': False, 'whitespace': False, 'epsSmoothing': False, 'charOrder': 4, 'beta': 1},
]


def chrf_metric(v):
    return CHRF(
        char_order=v.get('charOrder', 6), word_order=v['wordOrder'], beta=v.get('beta', 2),
        lowercase=v['lowercase'], whitespace=v['whitespace'], eps_smoothing=v['epsSmoothing'])


def chrf_fixtures():
    corpus, sentence = [], []
    for v in CHRF_VARIANTS:
        for name, hyps, refs in CORPORA:
            metric = chrf_metric(v)
            score = metric.corpus_score(hyps, refs)
            sig = str(metric.get_signature())
            corpus.append({'corpus': name, 'options': v,
                           'expected': {'score': score.score, 'name': score.name, 'signature': sig,
                                        'text': score.format(signature=sig)}})
        for hyp, refs in HYP_REF_PAIRS:
            metric = chrf_metric(v)
            score = metric.sentence_score(hyp, refs)
            sentence.append({'hyp': hyp, 'refs': refs, 'options': v,
                             'expected': {'score': score.score, 'name': score.name,
                                          'signature': str(metric.get_signature())}})
    return corpus, sentence


def write(path, cases, with_corpora=False):
    meta = {'sacrebleu': sacrebleu.__version__, 'python': sys.version.split()[0], 'regex': regex.__version__}
    doc = {'generatedWith': meta}
    if with_corpora:
        # Corpus cases name their corpus instead of repeating it, to keep the committed JSON small.
        doc['corpora'] = {name: {'hyps': hyps, 'refs': refs} for name, hyps, refs in CORPORA}
    doc['cases'] = cases
    with open(os.path.join(ROOT, path), 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(f'{path}: {len(cases)} cases')


def main():
    write('bleu/tokenizers.json', tokenizer_fixtures())
    write('bleu/corpus-bleu.json', bleu_corpus_fixtures(), with_corpora=True)
    write('bleu/sentence-bleu.json', bleu_sentence_fixtures())
    corpus, sentence = chrf_fixtures()
    write('chrf/corpus-chrf.json', corpus, with_corpora=True)
    write('chrf/sentence-chrf.json', sentence)


if __name__ == '__main__':
    main()
