"""Writes the parity fixtures for @llmops/minhash by running the real datasketch.

    pip install datasketch==2.0.0        # pulls numpy and scipy
    python3 tools/dedup/generate-datasketch-fixtures.py [--out libs/minhash/fixtures]   # ~10 s, then prettier

Every number in libs/minhash/fixtures/*.json comes from this script, so the TypeScript specs compare
against datasketch itself, not against a re-derivation. Re-run it after a datasketch upgrade and look at
the diff: a change in any file means datasketch changed its output and the TS side must follow.

datasketch 2.0.0 has two permutation schemes we care about:
  - "affine32" (the default since 2.0.0): h = fmix32(sha1_hash32(x)); phv = (a*h + b) mod 2^32, a odd.
  - "legacy" (the only scheme before 2.0.0): phv = ((a*h + b) mod 2^64 mod (2^61-1)) & 0xFFFFFFFF.
Fixtures are written for both.

Shingling (the product contract, mirrored by libs/minhash/src/text/): tokens are
`[t for t in re.split(r"\\W+", text.lower()) if t]`; an n-gram shingle is n consecutive tokens joined
by one space; a document with 1..n-1 tokens gives one shingle of all its tokens; zero tokens give none.
Shingles are hashed as UTF-8 bytes, once per distinct shingle (datasketch's result does not depend on
duplicates or order; the set only makes that explicit).
"""

import argparse
import base64
import hashlib
import json
import os
import platform
import re
import subprocess
import sys
import unicodedata

import datasketch
import numpy as np
import scipy
from datasketch import MinHash
from datasketch.hashfunc import sha1_hash32
from datasketch.lsh import _optimal_param

SEED = 1
MAX_PERM = 1024
NGRAMS = [1, 3, 5]
# legacy permutations are a prefix of each other, so its 16/256 signatures add nothing over 128.
NUM_PERMS_BY_SCHEME = {"affine32": [16, 128, 256], "legacy": [128]}
SCHEMES = list(NUM_PERMS_BY_SCHEME)
LSH_NUM_PERMS = [16, 32, 64, 128, 256]
LSH_THRESHOLDS = [round(0.1 + 0.05 * i, 2) for i in range(18)]  # 0.1 .. 0.95
LSH_WEIGHTS = [(0.5, 0.5), (0.2, 0.8), (0.8, 0.2)]

WORD_SPLIT = re.compile(r"\W+")


def tokens(text):
    return [t for t in WORD_SPLIT.split(text.lower()) if t]


def shingles(text, n):
    toks = tokens(text)
    if not toks:
        return []
    if len(toks) < n:
        return [" ".join(toks)]
    return [" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1)]


def lorem(seed, words):
    """A long deterministic document (numpy's RNG, so it is stable across Python versions)."""
    vocab = (
        "data model training token loss gradient batch epoch layer weight bias vector matrix "
        "query key value attention head norm dropout optimizer schedule warmup decay eval "
        "metric score label dataset shard record stream pipeline cluster node worker"
    ).split()
    rng = np.random.RandomState(seed)
    out = []
    for i in range(words):
        w = vocab[rng.randint(len(vocab))]
        if rng.rand() < 0.1:
            w = w.capitalize()
        out.append(w + ("." if rng.rand() < 0.07 else "," if rng.rand() < 0.05 else ""))
    return " ".join(out)


DOCUMENTS = [
    ("empty", ""),
    ("only-punctuation", "  ... --- !!! ??? ;;; \t\n "),
    ("one-word", "Hello"),
    ("one-word-punct", "  ¡Hola!  "),
    ("two-words", "near duplicate"),
    ("ascii-sentence", "The quick brown fox jumps over the lazy dog."),
    ("ascii-casing", "THE Quick bRoWn FOX jumps OVER the LAZY dog"),
    (
        "punctuation-numbers",
        "Version 3.14.159 shipped on 2024-01-02; it costs $1,000.50 (20% off) -- call +1-555-0100, "
        "e-mail a.b_c@example.com, path /usr/local/bin, snake_case_name and don't won't it's.",
    ),
    (
        "accents",
        "Crème brûlée à la française: naïve café owners in São Paulo, Zürich and Kraków "
        "served piñata-shaped Smørrebrød. STRASSE vs Straße.",
    ),
    ("decomposed-accents", "Cre\u0300me bru\u0302le\u0301e cafe\u0301 nai\u0308ve"),
    (
        "greek-cyrillic",
        "ΟΔΟΣ ΟΔΥΣΣΕΥΣ Σίσυφος; Москва — столица России, ПРИВЕТ мир! İstanbul DİYARBAKIR ıı",
    ),
    (
        "cjk",
        "日本語のテキストを処理します。中文文本处理，包括标点符号！한국어 텍스트도 포함합니다. 東京 大阪",
    ),
    (
        "emoji-symbols",
        "Deploy 🚀 done ✅ family 👨‍👩‍👧 flags 🇯🇵 🇫🇷 math ∑ ∫ ≥ ≤ arrows → ← ok 👍🏽 (100%) 😀😀",
    ),
    (
        "mixed-scripts-digits",
        "Arabic العربية ١٢٣ Hindi हिन्दी भाषा ४५६ Thai ภาษาไทย ๗๘๙ superscript x² ½ Ⅻ ⑤ ㈠ fullwidth ＡＢＣ１２３ under_score",
    ),
    ("repeated", " ".join(["spam eggs spam"] * 40)),
    ("long-2000-words", lorem(7, 2000)),
    ("long-500-words-variant", lorem(7, 500).replace("loss", "cost")),
]

SHA1_INPUTS = [
    b"",
    b"a",
    b"abc",
    b"hello world",
    b"the quick brown fox jumps over",
    "crème brûlée 日本語 👨‍👩‍👧".encode("utf-8"),
    bytes(range(55)),  # one SHA-1 block with the length field
    bytes(range(56)),  # padding spills into a second block
    bytes(range(63)),
    bytes(range(64)),
    bytes(range(65)),
    bytes(range(119)),
    bytes(range(120)),
    bytes(range(128)),
    bytes(i % 251 for i in range(1000)),
    b"x" * 4096,
]


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def b64_u32(values):
    return base64.b64encode(np.asarray(values, dtype="<u4").tobytes()).decode("ascii")


def environment():
    return {
        "generator": "tools/dedup/generate-datasketch-fixtures.py",
        "datasketch": datasketch.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "python": platform.python_version(),
        "unicode": unicodedata.unidata_version,
    }


def permutations_fixture():
    out = {"meta": environment(), "seed": SEED, "schemes": {}}
    # legacy: a_k, b_k are drawn in alternation per k, so num_perm=N is a prefix of num_perm=1024.
    full = MinHash(num_perm=MAX_PERM, seed=SEED, scheme="legacy").permutations
    for n in (16, 128, 256):
        small = MinHash(num_perm=n, seed=SEED, scheme="legacy").permutations
        assert np.array_equal(np.asarray(small, dtype=np.uint64), np.asarray(full, dtype=np.uint64)[:, :n]), n
    out["schemes"]["legacy"] = {
        "prefixProperty": True,
        "note": "uint64 decimal strings; num_perm=N uses the first N of each (checked for 16, 128, 256)",
        "a": [str(int(x)) for x in full[0]],
        "b": [str(int(x)) for x in full[1]],
    }
    # affine32: all a's are drawn, then all b's, so b (not a) depends on num_perm. Record the claim's
    # failure and store every num_perm the specs use.
    full32 = MinHash(num_perm=MAX_PERM, seed=SEED).permutations
    m128 = MinHash(num_perm=128, seed=SEED).permutations
    a_prefix = bool(np.array_equal(m128[0], full32[0][:128]))
    b_prefix = bool(np.array_equal(m128[1], full32[1][:128]))
    assert a_prefix and not b_prefix, (a_prefix, b_prefix)
    per_n = {}
    for n in (16, 128, 256, MAX_PERM):
        a, b = MinHash(num_perm=n, seed=SEED).permutations
        per_n[str(n)] = {"a": [int(x) for x in a], "b": [int(x) for x in b]}
    out["schemes"]["affine32"] = {
        "prefixProperty": False,
        "note": "uint32; a is a prefix of the 1024 draw but b is not (drawn after all num_perm a's)",
        "byNumPerm": per_n,
    }
    return out


def signatures_fixture():
    docs = []
    for name, text in DOCUMENTS:
        toks = tokens(text)
        entry = {"name": name, "text": text, "tokenCount": len(toks)}
        if len(toks) <= 100:
            entry["tokens"] = toks
        else:  # long documents: a digest keeps the file small and still pins every token
            entry["tokensSha1"] = hashlib.sha1("\n".join(toks).encode("utf-8")).hexdigest()
        entry["signatures"] = []
        for ngram in NGRAMS:
            sh = sorted(set(shingles(text, ngram)))
            data = [s.encode("utf-8") for s in sh]
            for scheme in SCHEMES:
                for num_perm in NUM_PERMS_BY_SCHEME[scheme]:
                    m = MinHash(num_perm=num_perm, seed=SEED, scheme=scheme)
                    m.update_batch(data)
                    entry["signatures"].append(
                        {
                            "ngram": ngram,
                            "scheme": scheme,
                            "numPerm": num_perm,
                            "shingles": len(sh),
                            "hashvaluesB64": b64_u32(m.hashvalues),
                        }
                    )
        docs.append(entry)
    # Jaccard estimates between a few pairs, as datasketch computes them.
    pairs = []
    by_name = dict(DOCUMENTS)
    for x, y in [
        ("ascii-sentence", "ascii-casing"),
        ("long-2000-words", "long-500-words-variant"),
        ("accents", "decomposed-accents"),
        ("repeated", "two-words"),
    ]:
        for scheme in SCHEMES:
            ms = []
            for name in (x, y):
                m = MinHash(num_perm=128, seed=SEED, scheme=scheme)
                m.update_batch([s.encode("utf-8") for s in set(shingles(by_name[name], 3))])
                ms.append(m)
            pairs.append({"a": x, "b": y, "ngram": 3, "scheme": scheme, "numPerm": 128, "jaccard": ms[0].jaccard(ms[1])})
    return {
        "meta": environment(),
        "seed": SEED,
        "encoding": "hashvaluesB64 = base64 of the little-endian uint32 hash values",
        "documents": docs,
        "jaccard": pairs,
    }


def lsh_params_fixture():
    from datasketch.lsh import _false_negative_probability, _false_positive_probability

    cases = []
    for fpw, fnw in LSH_WEIGHTS:
        for num_perm in LSH_NUM_PERMS:
            for t in LSH_THRESHOLDS:
                b, r = _optimal_param(t, num_perm, fpw, fnw)
                err = _false_positive_probability(t, b, r) * fpw + _false_negative_probability(t, b, r) * fnw
                cases.append({"threshold": t, "numPerm": num_perm, "weights": [fpw, fnw], "b": b, "r": r, "error": err})
    return {"meta": environment(), "integrator": "scipy.integrate.quad (QUADPACK qags)", "cases": cases}


def lsh_queries_fixture():
    """MinHashLSH query results over a small family of near-duplicates, to pin the banding itself."""
    from datasketch import MinHashLSH

    rng = np.random.RandomState(11)
    base = [lorem(100 + i, 60) for i in range(6)]
    docs = []
    for text in base:
        words = text.split()
        docs.append(text)
        for edits in (1, 2, 4, 8, 16):
            w = list(words)
            for _ in range(edits):
                w[rng.randint(len(w))] = "edit%d" % rng.randint(1000)
            docs.append(" ".join(w))
    cases = []
    for scheme in SCHEMES:
        sigs = []
        for text in docs:
            m = MinHash(num_perm=128, seed=SEED, scheme=scheme)
            m.update_batch([x.encode("utf-8") for x in set(shingles(text, 3))])
            sigs.append(m)
        for threshold in (0.5, 0.8):
            lsh = MinHashLSH(threshold=threshold, num_perm=128)
            for i, m in enumerate(sigs):
                lsh.insert(i, m)
            cases.append(
                {
                    "scheme": scheme,
                    "threshold": threshold,
                    "b": lsh.b,
                    "r": lsh.r,
                    "candidates": [sorted(lsh.query(m)) for m in sigs],
                }
            )
    return {"meta": environment(), "numPerm": 128, "ngram": 3, "documents": docs, "cases": cases}


def sha1_fixture():
    return {
        "meta": environment(),
        "cases": [{"hex": d.hex(), "hash32": sha1_hash32(d)} for d in SHA1_INPUTS]
        + [{"utf8": s, "hash32": sha1_hash32(s.encode("utf-8"))} for s in ["near duplicate", "日本語", "👍🏽"]],
    }


def ranges(pred):
    out, start = [], None
    for cp in range(0x110000):
        m = pred(cp)
        if m and start is None:
            start = cp
        if not m and start is not None:
            out.append([start, cp - 1])
            start = None
    if start is not None:
        out.append([start, 0x10FFFF])
    return out


def unicode_fixture():
    word = re.compile(r"\w")
    return {
        "meta": environment(),
        "note": "inclusive code point ranges: where Python's re \\w matches, and which code points are unassigned (Cn) in this Python's Unicode database",
        "word": ranges(lambda cp: not (0xD800 <= cp <= 0xDFFF) and word.match(chr(cp)) is not None),
        "unassigned": ranges(lambda cp: unicodedata.category(chr(cp)) == "Cn"),
    }


def main():
    parser = argparse.ArgumentParser()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--out", default=os.path.join(root, "libs", "minhash", "fixtures"))
    out = parser.parse_args().out
    os.makedirs(out, exist_ok=True)
    for name, build in [
        ("permutations.json", permutations_fixture),
        ("signatures.json", signatures_fixture),
        ("lsh-params.json", lsh_params_fixture),
        ("lsh-queries.json", lsh_queries_fixture),
        ("sha1-hash32.json", sha1_fixture),
        ("unicode-word.json", unicode_fixture),
    ]:
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(dumps(build()))
        print(f"wrote {name}", file=sys.stderr)
    # The repo formats JSON with prettier; format here so a re-run shows only real changes.
    try:
        subprocess.run(["npx", "prettier", "--write", out], cwd=root, check=True)
    except (OSError, subprocess.CalledProcessError) as err:
        print(f"prettier not run ({err}); run `npx prettier --write {out}`", file=sys.stderr)


if __name__ == "__main__":
    main()
