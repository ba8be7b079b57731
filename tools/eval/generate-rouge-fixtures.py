#!/usr/bin/env python3
"""Writes the ROUGE, Porter-stemmer and SQuAD EM/F1 parity fixtures from the real reference code.

Run from the repository root:
    pip install rouge-score==0.1.2 nltk==3.10.4
    python3 tools/eval/generate-rouge-fixtures.py
Last run with Python 3.11.7, rouge-score 0.1.2, nltk 3.10.4 (rouge-score imports nltk's PorterStemmer).

The TypeScript specs only read the committed JSON, so CI needs neither package.
"""
import collections
import json
import os
import re
import string
from importlib.metadata import version

from nltk.stem import porter
from rouge_score import rouge_scorer, tokenize

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "libs", "eval-metrics", "fixtures")
TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
VERSIONS = {"rouge-score": version("rouge-score"), "nltk": version("nltk")}

STEM_WORDS = """
caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized
hopping tanned falling hissing fizzed failing filing happy sky skies dying lying tying news innings
inning outings outing cannings canning howe proceed exceed succeed relational conditional rational
valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization
predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti
triplicate formative formalize electriciti electrical hopeful goodness revival allowance inference
airliner gyroscopic adjustable defensible irritant replacement adjustment dependent adoption homologou
communism activate angulariti homologous effective bowdlerize probate rate cease controll roll
generalization generalizations organization organizations nationalization running runs ran jumped
jumping jumps easily fairly mice geese children studies studying studied cried dies died spied flies
flying tried trying enjoy enjoyment enjoying toy toys syzygy yyyy yayy ayyy eyes boys played playing
says said happiness happier happiest national nationally rationalize rationality logically
analogies biology archaeology apology generously hopefully carefully beautifully fully fulli
possibly terribly visibly sensibly bli abli sensitivity electricity simplicity agreement settlement
hoped hoping hopes conditioning meeting meetings proceeding proceedings exceeding succeeding bleed
speed seed need agreeing feeding fed ied tied lied died pies dies vies ties skis sees fees bees
universe university universal unity united uniting running ran hazard hazardous oed aed ing ings
sing singing sings ring rings bring bringing string strings king kings thing things nothing something
going doing being seeing fleeing eying lying belying dying ye yes yy xy ayy ablest bbb
size sized sizing sizes fizz buzz buzzing bussed bussing falling fallen tell telling controlling
electrically dramatically heroically basically medically logy apologies ideology ideologies theologi
analogi 1990s 2nd 3rd 4th abc123 a1b2 123ing testing1 covid19 gpt4 quickly quick quicker quickest
wolves knives leaves halves lives wives caused causing causes cause because the this that these those
was were has have having had does did done bus buses gas gases process processes processing processed
argument arguments arguing argued valuable valuables value valued values valuing readable readability
probably probable probability comfortable comfortably responsibility responsible responsibly
""".split()


def squad_normalize_answer(s):
    """Official SQuAD v1.1 evaluate-v1.1.py normalize_answer, verbatim in behaviour."""

    def remove_articles(text):
        return re.sub(r"\b(a|an|the)\b", " ", text)

    def white_space_fix(text):
        return " ".join(text.split())

    def remove_punc(text):
        exclude = set(string.punctuation)
        return "".join(ch for ch in text if ch not in exclude)

    return white_space_fix(remove_articles(remove_punc(s.lower())))


def squad_f1(prediction, ground_truth):
    prediction_tokens = squad_normalize_answer(prediction).split()
    ground_truth_tokens = squad_normalize_answer(ground_truth).split()
    common = collections.Counter(prediction_tokens) & collections.Counter(ground_truth_tokens)
    num_same = sum(common.values())
    if num_same == 0:
        return 0
    precision = 1.0 * num_same / len(prediction_tokens)
    recall = 1.0 * num_same / len(ground_truth_tokens)
    return (2 * precision * recall) / (precision + recall)


def squad_em(prediction, ground_truth):
    return squad_normalize_answer(prediction) == squad_normalize_answer(ground_truth)


def squad_max(metric_fn, prediction, ground_truths):
    return max(metric_fn(prediction, gt) for gt in ground_truths)


TEXTS = [
    "The quick brown fox jumps over the lazy dog",
    "The quick brown dog jumps on the log.",
    "",
    "   ",
    "!!! ??? ...",
    "Hello, World! It's 2024-05-01; pi=3.14159.",
    "hello world its 2024 05 01 pi 3 14159",
    "Café naïve résumé façade — coöperate Zürich",
    "東京は日本の首都です。 Tokyo is the capital of Japan.",
    "Ελληνικά ΟΔΟΣ text with İstanbul and the KELVIN sign \u212a",
    "The cats were running and jumping over the sleeping dogs.\nThe dogs woke up.\nThey chased the cats.",
    "Cats ran. Dogs slept.\nThe cat jumped over a sleeping dog.\n\nDogs chased cats!",
    "police killed the gunman",
    "the gunman kill police",
    "police kill the gunman",
    "the gunman police killed",
    "A a a a b b c",
    "a b c a b c a b c",
    "generalizations of organizational nationalization are relational",
    "general organization nation relate",
    "The skies were dying; lying news of innings and outings.",
    "sky die lie news inning outing",
    "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 w25",
    "w25 w3 w1 w7 w2 w9 w4 w11 w5 w13 w6 w8 w15 w10 w17 w12 w19 w14 w21 w16 w23 w18 w20 w22 w24",
    "Line one.\r\nLine two with CRLF.\r\nline three",
    "line one\nline two with crlf\nLINE THREE and more",
    "single",
    "singles",
    "a\n\n\nb\n",
    "\n\n",
    "the the the the",
    "the",
    "Numbers 1 2 3 4 5 6 7 8 9 10 and 1,000,000 and 3.50 dollars",
    "numbers one two three 1 2 3 and 1000000 dollars",
    "UPPER lower MiXeD CaSe",
    "upper LOWER mixed case",
]

PAIRS = [(t, p) for t in TEXTS for p in TEXTS]

MULTI = [
    (["The quick brown fox", "a fast brown fox", "the fox"], "the quick fox jumped"),
    (["police killed the gunman", "the gunman was shot by police"], "police kill the gunman"),
    (["", "nothing here"], ""),
    (["", ""], "something"),
    (["same", "same"], "same"),
    (["a b c d", "d c b a", "a c"], "a b c"),
    (["Cats ran.\nDogs slept.", "The dogs slept.\nCats ran fast."], "Dogs slept.\nCats ran."),
    (["x y z", "y z x", "z x y", "x z"], "x y z x"),
    (["running dogs", "the dog runs"], "dogs running"),
    (["東京 tokyo", "Tokyo Japan"], "tokyo"),
    (["one"], "one two"),
    ([TEXTS[10], TEXTS[11]], TEXTS[11]),
]

SQUAD = [
    ("Denver Broncos", ["Denver Broncos", "The Denver Broncos", "Broncos"]),
    ("the Denver Broncos!", ["Denver Broncos"]),
    ("Carolina Panthers", ["Denver Broncos"]),
    ("an apple a day", ["apple day", "The apple, a day."]),
    ("", [""]),
    ("", ["something"]),
    ("something", [""]),
    ("a an the", ["the"]),
    ("theater and another anthem", ["the theater another anthem"]),
    ("1,000 dollars", ["1000 dollars", "$1,000"]),
    ("Café naïve", ["cafe naive", "Café Naïve"]),
    ("東京 is the capital", ["東京", "Tokyo"]),
    ("ΟΔΟΣ", ["οδος", "οδοσ"]),
    ("İstanbul", ["istanbul", "i̇stanbul"]),
    ("word\u00a0with\u3000spaces\x85and\x1cseps", ["word with spaces and seps"]),
    ("zero\ufeffwidth", ["zero width", "zero\ufeffwidth"]),
    ("the cat the cat the cat", ["cat cat", "the cat"]),
    ("cat cat cat dog", ["cat dog dog"]),
    ("a", ["a"]),
    ("l'homme d'état", ["lhomme détat"]),
    ("état a été", ["état été"]),
    ("x_a_y a_b", ["x_a_y b", "xay ab"]),
    ("naïvea a", ["naïvea"]),
    ("«quoted» “curly” words", ["quoted curly words", "«quoted» “curly” words"]),
    ("1st of the 2nd", ["1st 2nd"]),
    ("Tab\tseparated\nlines", ["tab separated lines"]),
    ("Their answer was 42.", ["42", "answer 42", "their answer was 42"]),
    ("Mr. Smith-Jones (the elder)", ["mr smithjones elder"]),
]


def score_dict(score):
    return {k: {"precision": v.precision, "recall": v.recall, "fmeasure": v.fmeasure} for k, v in score.items()}


def write(path, data):
    with open(os.path.join(ROOT, path), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    stemmer = porter.PorterStemmer()
    words = sorted(set(STEM_WORDS))
    write("rouge/porter-stemmer.json", {"versions": VERSIONS, "cases": [{"word": w, "stem": stemmer.stem(w)} for w in words]})

    tok_cases = []
    for text in TEXTS + [" ".join(STEM_WORDS)]:
        tok_cases.append({"text": text, "tokens": tokenize.tokenize(text, None), "stemmed": tokenize.tokenize(text, stemmer)})
    write("rouge/tokenize.json", {"versions": VERSIONS, "cases": tok_cases})

    for use_stemmer in (False, True):
        scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=use_stemmer)
        cases = [{"target": t, "prediction": p, "scores": score_dict(scorer.score(t, p))} for t, p in PAIRS]
        name = "stemmed" if use_stemmer else "plain"
        write(f"rouge/score-{name}.json", {"versions": VERSIONS, "useStemmer": use_stemmer, "cases": cases})
        multi = [{"targets": ts, "prediction": p, "scores": score_dict(scorer.score_multi(ts, p))} for ts, p in MULTI]
        write(f"rouge/score-multi-{name}.json", {"versions": VERSIONS, "useStemmer": use_stemmer, "cases": multi})

    qa = [
        {
            "prediction": p,
            "answers": gts,
            "normalized": squad_normalize_answer(p),
            "exactMatch": 1 if squad_max(squad_em, p, gts) else 0,
            "f1": squad_max(squad_f1, p, gts),
        }
        for p, gts in SQUAD
    ]
    write("qa/squad.json", {"reference": "SQuAD v1.1 evaluate-v1.1.py", "cases": qa})


if __name__ == "__main__":
    main()
