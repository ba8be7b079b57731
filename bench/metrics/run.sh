#!/usr/bin/env bash
# bench/metrics/run.sh — BLEU / chrF / ROUGE throughput of @llmops/eval-metrics vs sacrebleu and rouge-score.
#
#   bash bench/metrics/run.sh                        # 20k pairs, 3 timed reps, writes results/<date>.json
#   SIZE=5000 REPS=5 SEED=7 bash bench/metrics/run.sh
#
# Needs: node + npx swc (repo devDependencies), python3 with `pip install sacrebleu==2.6.0 rouge-score==0.1.2`.
# Compiles with swc into bench/metrics/.build (not dist/, which others rebuild). Single-threaded on both sides.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SIZE="${SIZE:-20000}"
REPS="${REPS:-3}"
SEED="${SEED:-42}"
PYTHON="${PYTHON:-python3}"

OUT="$ROOT/bench/metrics/.build"
rm -rf "$OUT"
npx swc libs/eval-metrics/src bench/shared bench/metrics/src -d "$OUT" --quiet
node "$ROOT/tools/build/write-dist-package.js" "$OUT"  # resolve `@llmops/<lib>` inside $OUT

DATA="$(mktemp -d -t llmops-bench-metrics.XXXXXX)"
trap 'rm -rf "$DATA"' EXIT
JS="$OUT/bench/metrics/src"
node "$JS/gen.js" --out="$DATA" --size="$SIZE" --seed="$SEED"

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
# One thread each: no worker pools on the Node side; pin BLAS/OpenMP on the Python side for good measure.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 UV_THREADPOOL_SIZE=1
echo "ours (Node $(node --version)):" >&2
node "$JS/ours.js" --data="$DATA" --reps="$REPS" --out="$DATA/ours.json"
echo "reference ($("$PYTHON" --version)):" >&2
"$PYTHON" bench/metrics/src/reference.py --data="$DATA" --reps="$REPS" --out="$DATA/reference.json"
node "$JS/report.js" --data="$DATA" --results="$ROOT/bench/metrics/results" --load-before="$LOAD_BEFORE"
