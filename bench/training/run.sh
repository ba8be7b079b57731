#!/usr/bin/env bash
# bench/training/run.sh — trainer and generation throughput of @llmops/model-runtime on the demo corpora.
#
#   bash bench/training/run.sh            # 3 repetitions, writes results/<date>.json
#   REPS=5 bash bench/training/run.sh
#
# Needs: node + npx swc (repo devDependencies). Compiles with swc into bench/training/.build (not dist/,
# which others rebuild). Single process, single thread: the trainer does not use worker threads itself.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
REPS="${REPS:-3}"

OUT="$ROOT/bench/training/.build"
rm -rf "$OUT"
npx swc libs/model-runtime libs/contracts/src bench/training/src -d "$OUT" --quiet
node "$ROOT/tools/build/write-dist-package.js" "$OUT"  # resolve `@llmops/<lib>` inside $OUT

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
UV_THREADPOOL_SIZE=1 node "$OUT/bench/training/src/bench-training.js" --reps="$REPS" --results="$ROOT/bench/training/results"
