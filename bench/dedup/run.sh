#!/usr/bin/env bash
# bench/dedup/run.sh — near-duplicate detection throughput of @llmops/minhash vs Python datasketch.
#
#   bash bench/dedup/run.sh                         # 100k docs, 3 interleaved reps, writes results/<date>.json
#   SIZE=20000 REPS=1 SEED=7 bash bench/dedup/run.sh
#
# Needs: node + npx swc (repo devDependencies), python3 with `pip install datasketch==2.0.0`.
# Compiles with swc into bench/dedup/.build (not dist/, which others rebuild). Single-threaded on both sides.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SIZE="${SIZE:-100000}"
REPS="${REPS:-3}"
SEED="${SEED:-42}"
PYTHON="${PYTHON:-python3}"

OUT="$ROOT/bench/dedup/.build"
rm -rf "$OUT"
npx swc libs/minhash/src bench/shared bench/dedup/src -d "$OUT" --quiet
node "$ROOT/tools/build/write-dist-package.js" "$OUT"  # resolve `@llmops/minhash` inside $OUT

DATA="$(mktemp -d -t llmops-bench-dedup.XXXXXX)"
trap 'rm -rf "$DATA"' EXIT
JS="$OUT/bench/dedup/src"
node "$JS/gen.js" --out="$DATA" --size="$SIZE" --seed="$SEED" --reps="$REPS"

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
# One thread each: no worker pools on the Node side; pin BLAS/OpenMP on the Python side for good measure.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 UV_THREADPOOL_SIZE=1
# The sides alternate, one process per repetition each, so a change in machine load hits both alike.
for REP in $(seq 1 "$REPS"); do
  echo "repetition $REP/$REPS — ours (Node $(node --version)):" >&2
  node "$JS/ours.js" --data="$DATA" --out="$DATA/ours-$REP.json"
  echo "repetition $REP/$REPS — reference ($("$PYTHON" --version 2>&1)):" >&2
  "$PYTHON" bench/dedup/src/reference.py --data="$DATA" --out="$DATA/reference-$REP.json"
done
node "$JS/report.js" --data="$DATA" --results="$ROOT/bench/dedup/results" --load-before="$LOAD_BEFORE"
