#!/usr/bin/env bash
# bench/training/latency.sh — queued → running latency of the training service (target < 1 s) for the
# builtin and process executors, in standalone mode (same scheduler code as distributed mode).
#
#   npm run build && bash bench/training/latency.sh        # RUNS=10 per executor
#
# Needs: dist/ (npm run build), python3 (the process executor runs tools/trainer-stub/trainer_stub.py).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/training/.build"
rm -rf "$OUT"
npx swc bench/shared bench/training/src/queue-latency.ts -d "$OUT" --quiet
node "$OUT/bench/training/src/queue-latency.js" --runs="${RUNS:-10}"
