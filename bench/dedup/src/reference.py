"""Reference side, one repetition: datasketch MinHash (update_batch) + MinHashLSH (query, insert) on the
corpus written by gen.ts, after an untimed warm-up, timed inside this process (wall clock and process CPU
time), doing exactly what @llmops/minhash's clusterNearDuplicates does:

    for each document, in order:
        shingles = distinct word n-grams (tokens = [t for t in re.split(r"\\W+", text.lower()) if t])
        m = MinHash(num_perm, seed, permutations shared)  ; m.update_batch(shingle UTF-8 bytes)
        best = the LSH candidate with the highest m.jaccard (earliest on ties)
        if best and jaccard >= threshold: it joins best's cluster
        else: lsh.insert(slot, m)  (kept)

MinHash objects are built from a shared template's permutations (`permutations=..., scheme=...`), the
cheapest construction datasketch offers (~1.5x cheaper than `copy()`, ~20x cheaper than a fresh
MinHash, which draws its permutations again).
"""
import hashlib
import json
import re
import sys
import time

import datasketch
import numpy as np
from datasketch import MinHash, MinHashLSH

WORD_SPLIT = re.compile(r"\W+")


def shingles(text, n):
    toks = [t for t in WORD_SPLIT.split(text.lower()) if t]
    if not toks:
        return []
    if len(toks) < n:
        return [" ".join(toks)]
    return [" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1)]


def main() -> None:
    opts = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    data, out = opts["data"], opts["out"]
    with open(f"{data}/params.json", encoding="utf-8") as f:
        params = json.load(f)
    with open(f"{data}/corpus.jsonl", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    num_perm, ngram, threshold = params["numPerm"], params["ngram"], params["threshold"]
    template = MinHash(num_perm=num_perm, seed=params["seed"])
    perms, scheme = template.permutations, template.scheme

    def signature(text):
        m = MinHash(num_perm=num_perm, seed=params["seed"], permutations=perms, scheme=scheme)
        m.update_batch([s.encode("utf-8") for s in set(shingles(text, ngram))])
        return m

    def minhash(slice_):
        return [signature(d["text"]) for d in slice_]

    def pipeline(slice_):
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=tuple(params["weights"]))
        kept_sigs, members, kept = [], {}, 0
        for index, d in enumerate(slice_):
            sh = set(shingles(d["text"], ngram))
            if not sh:  # no tokens: kept, never matched (as in NearDuplicateIndex)
                kept += 1
                continue
            m = MinHash(num_perm=num_perm, seed=params["seed"], permutations=perms, scheme=scheme)
            m.update_batch([s.encode("utf-8") for s in sh])
            best, best_j = -1, -1.0
            for slot in lsh.query(m):
                j = m.jaccard(kept_sigs[slot][1])
                if j > best_j or (j == best_j and slot < best):
                    best, best_j = slot, j
            if best >= 0 and best_j >= threshold:
                members.setdefault(best, [kept_sigs[best][0]]).append(index)
            else:
                lsh.insert(len(kept_sigs), m, check_duplication=False)
                kept_sigs.append((index, m))
                kept += 1
        clusters = [members[slot] for slot in sorted(members)]
        return clusters, kept, (lsh.b, lsh.r)

    def timed(fn):
        fn(docs[: params["warmupDocs"]])  # warm-up, as on the Node side
        cpu0, t0 = time.process_time(), time.perf_counter()
        result = fn(docs)
        return {"wall": time.perf_counter() - t0, "cpu": time.process_time() - cpu0}, result

    minhash_timing, sigs = timed(minhash)
    digest = hashlib.sha1()
    for m in sigs:
        digest.update(np.asarray(m.hashvalues, dtype="<u4").tobytes())
    del sigs
    pipeline_timing, (clusters, kept, (b, r)) = timed(pipeline)
    for name, t in (("minhash", minhash_timing), ("pipeline", pipeline_timing)):
        print(f"  reference {name}: {t['wall']:.3f} s wall, {t['cpu']:.3f} s CPU", file=sys.stderr)
    result = {
        "impl": f"datasketch {datasketch.__version__} / numpy {np.__version__} (Python {sys.version.split()[0]})",
        "docs": len(docs),
        "bands": b,
        "rows": r,
        "runs": {"minhash": minhash_timing, "pipeline": pipeline_timing},
        "signatureDigest": digest.hexdigest(),
        "clusters": clusters,
        "kept": kept,
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
