#!/usr/bin/env bash
# bench/registry/run.sh — lineage query latency on a generated 100k-node graph, through a real registry
# process (HTTP) and in-process (same SQL); deployment-history "at" queries; audit verify rate.
#
#   bash bench/registry/run.sh                  # full run (~3–5 min), prints the tables, writes results/*.json
#   bash bench/registry/run.sh --readme         # ... and refreshes the results section of README.md
#   bash bench/registry/run.sh --nodes=20000 --queries=500 --audit-entries=0   # quick look
#
# Options (defaults): --nodes=100000 --queries=2000 --warmup=200 --depth=5 --limit=500 (node cap)
#   --concurrency=8 --seed=42 --audit-entries=20000 --audit-runs=3 --keep (keep database and topics)
#   --label=NAME (suffix of the results file) --readme
#
# Needs the stack (tools/stack/stack.sh up). Uses its own database and topic prefix, dropped at the end.
# Compiles libs/, apps/registry and bench/registry with swc into bench/registry/.build (not dist/, which
# others rebuild).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

if [[ -z "${KAFKA_BROKERS:-}" || -z "${DATABASE_URL:-}" ]]; then
  if [[ -f /tmp/llmops-stack/env ]]; then
    # shellcheck disable=SC1091
    source /tmp/llmops-stack/env
    export KAFKA_BROKERS DATABASE_URL S3_ENDPOINT S3_ACCESS_KEY S3_SECRET_KEY S3_BUCKET S3_REGION
  else
    echo "KAFKA_BROKERS / DATABASE_URL not set: run eval \"\$(bash tools/stack/stack.sh up)\"" >&2
    exit 2
  fi
fi

OUT="$ROOT/bench/registry/.build"
rm -rf "$OUT"
npx swc libs apps/registry bench/shared bench/registry/src -d "$OUT" --quiet
node "$ROOT/tools/build/write-dist-package.js" "$OUT"  # resolve `@llmops/<lib>` inside $OUT

exec node --max-old-space-size=4096 "$OUT/bench/registry/src/main.js" --root="$ROOT" "$@"
