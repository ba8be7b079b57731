"""Baseline for context, not a competitor: the least work an ingest of this corpus could do in plain
CPython, single-threaded, standard library only. Per line: json.loads, NFC + whitespace normalisation of
`text`, exact dedup on a 128-bit BLAKE2b of the NFKC/lower-cased/whitespace-collapsed text, json.dumps of
the kept row into one gzip (level 6) JSONL file. No quality filters, PII redaction, split, profile or
sharding, which the Node scenarios do.

    python3 reference.py --data=DIR --corpus=throughput --out=RESULT.json [--tmp=DIR]
"""
import hashlib
import json
import os
import resource
import sys
import tempfile
import time
import unicodedata
import zlib

BATCH_CHARS = 64 * 1024


def normalise(text: str) -> str:
    """NFC; runs of whitespace inside a line become one space; at most one blank line in a row.
    str.split()/join do the whitespace work in C, several times faster than re.sub here."""
    lines: list[str] = []
    blank = False
    for line in unicodedata.normalize("NFC", text).splitlines():
        line = " ".join(line.split())
        if line or not blank:
            lines.append(line)
        blank = not line
    return "\n".join(lines).strip()


def dedup_key(text: str) -> bytes:
    key = " ".join(unicodedata.normalize("NFKC", text).lower().split())
    return hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest()


def main() -> None:
    opts = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    source = os.path.join(opts["data"], f"{opts['corpus']}.jsonl")
    out_dir = tempfile.mkdtemp(prefix="llmops-bench-ingest-py-", dir=opts.get("tmp"))
    target = os.path.join(out_dir, "kept.jsonl.gz")

    t0, c0 = time.perf_counter(), os.times()
    seen: set[bytes] = set()
    dropped: dict[str, int] = {}
    read = kept = 0
    gz = zlib.compressobj(6, zlib.DEFLATED, 31)  # wbits 31: gzip container
    batch: list[str] = []
    batch_chars = 0
    with open(source, "rb") as src, open(target, "wb") as dst:
        for raw in src:
            if not raw.strip():
                continue
            read += 1
            try:
                row = json.loads(raw)
            except ValueError:
                dropped["invalid-json"] = dropped.get("invalid-json", 0) + 1
                continue
            text = row.get("text") if isinstance(row, dict) else None
            if not isinstance(text, str) or not text.strip():
                dropped["no-text"] = dropped.get("no-text", 0) + 1
                continue
            text = normalise(text)
            digest = dedup_key(text)
            if digest in seen:
                dropped["dedup:exact"] = dropped.get("dedup:exact", 0) + 1
                continue
            seen.add(digest)
            row["text"] = text
            line = json.dumps(row, ensure_ascii=False) + "\n"
            batch.append(line)
            batch_chars += len(line)
            kept += 1
            if batch_chars >= BATCH_CHARS:
                dst.write(gz.compress("".join(batch).encode("utf-8")))
                batch, batch_chars = [], 0
        dst.write(gz.compress("".join(batch).encode("utf-8")))
        dst.write(gz.flush())
    wall = time.perf_counter() - t0
    c1 = os.times()
    gzip_bytes = os.path.getsize(target)
    os.remove(target)
    os.rmdir(out_dir)

    result = {
        "impl": f"CPython {sys.version.split()[0]} (json, unicodedata, re, hashlib.blake2b, zlib)",
        "corpus": opts["corpus"],
        "inputBytes": os.path.getsize(source),
        "wallSeconds": wall,
        "userSeconds": c1.user - c0.user,
        "systemSeconds": c1.system - c0.system,
        "read": read,
        "kept": kept,
        "dropped": dropped,
        "gzipBytes": gzip_bytes,
        # Linux reports ru_maxrss in kilobytes.
        "maxRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }
    with open(opts["out"], "w", encoding="utf-8") as f:
        json.dump(result, f)
    mb = result["inputBytes"] / 1e6
    cpu = result["userSeconds"] + result["systemSeconds"]
    print(
        f"  baseline ({opts['corpus']}): {wall:.1f} s wall, {cpu:.1f} s CPU → {mb / wall:.1f} MB/s wall, "
        f"{mb / cpu:.1f} MB/CPU-s; read {read}, kept {kept}; max RSS {result['maxRssBytes'] / 1e6:.0f} MB",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
