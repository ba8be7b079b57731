"""Reference side: sacrebleu corpus_bleu / corpus_chrf, rouge-score's RougeScorer.score per pair and sacrebleu's
paired bootstrap (PairedTest, test_type="bs"), timed inside this process on the corpus written by corpus.ts
(same files as ours.ts)."""
import json
import sys
import time

import sacrebleu
from rouge_score import rouge_scorer
from sacrebleu.metrics import BLEU
from sacrebleu.significance import PairedTest

TYPES = ["rouge1", "rouge2", "rougeL"]
BOOTSTRAP_SEGMENTS = 1000  # as common.ts
BOOTSTRAP_RESAMPLES = 1000


class BootstrapScore:
    """candidate − champion BLEU on the full set, shaped like a sacrebleu score for the loop below."""

    def __init__(self, score: float) -> None:
        self.score = score


def main() -> None:
    opts = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    data, out, reps = opts["data"], opts["out"], int(opts.get("reps", "3"))
    with open(f"{data}/hyps.txt", encoding="utf-8") as f:
        hyps = f.read().split("\n")[:-1]
    with open(f"{data}/refs.txt", encoding="utf-8") as f:
        refs = f.read().split("\n")[:-1]

    scorers = {
        "rouge": rouge_scorer.RougeScorer(TYPES, use_stemmer=False),
        "rouge_stem": rouge_scorer.RougeScorer(TYPES, use_stemmer=True),
    }

    def rouge(name):
        sc = scorers[name]
        return [sc.score(r, h) for r, h in zip(refs, hyps)]

    # The same two systems as common.ts bootstrapSystems: the hypotheses and a champion without every fifth word.
    candidate = hyps[:BOOTSTRAP_SEGMENTS]
    champion = [" ".join(w for j, w in enumerate(h.split(" ")) if j % 5 != 4) for h in candidate]
    bs_refs = refs[:BOOTSTRAP_SEGMENTS]

    def bootstrap():
        # sacrebleu --paired-bs: the champion (baseline) first. It also bootstraps the baseline's own CI.
        test = PairedTest(
            [("champion", champion), ("candidate", candidate)],
            {"BLEU": BLEU()},
            [bs_refs],
            test_type="bs",
            n_samples=BOOTSTRAP_RESAMPLES,
        )
        _, scores = test()
        return BootstrapScore(scores["BLEU"][1].score - scores["BLEU"][0].score)

    benches = {
        "bleu": lambda: sacrebleu.corpus_bleu(hyps, [refs]),
        "chrf": lambda: sacrebleu.corpus_chrf(hyps, [refs]),
        "rouge": lambda: rouge("rouge"),
        "rouge_stem": lambda: rouge("rouge_stem"),
        "bootstrap_bleu": bootstrap,
    }
    result = {
        "impl": f"sacrebleu {sacrebleu.__version__} / rouge-score 0.1.2 (Python {sys.version.split()[0]})",
        "segments": len(hyps),
        "runs": {},
        "rougeF": {},
    }
    for name, fn in benches.items():
        fn()  # warm-up, as on the Node side (fills sacrebleu's and nltk's caches the same way)
        seconds, last = [], None
        for _ in range(reps):
            t0 = time.perf_counter()
            last = fn()
            seconds.append(time.perf_counter() - t0)
        if name in ("bleu", "chrf", "bootstrap_bleu"):
            result["runs"][name] = {"seconds": seconds, "score": last.score}
        else:
            f = {t: [s[t].fmeasure for s in last] for t in TYPES}
            result["runs"][name] = {"seconds": seconds, "score": {t: sum(v) / len(v) for t, v in f.items()}}
            result["rougeF"][name] = f
        print(f"  reference {name}: {' '.join(f'{s:.3f}' for s in seconds)} s", file=sys.stderr)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
