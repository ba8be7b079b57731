#!/usr/bin/env bash
# bench/messaging/run.sh — messaging benchmark: llmops outbox/relay/consumer vs raw kafkajs on the local stack.
#
#   bash bench/messaging/run.sh                 # all scenarios (~4 min), prints the tables, writes results/*.json
#   bash bench/messaging/run.sh --readme        # ... and refreshes the results section of README.md
#   bash bench/messaging/run.sh --only=relay --relay-batch=500,2000
#
# Options (defaults): --rates=1000,5000 --duration=10 --warmup=3 --tick=5 --max-duration=5
#   --relay-rows=50000 --relay-batch=500,100,2000 --relay-poll=250 --partitions=3 --pool=10
#   --drain=15 (s to wait for stragglers) --backlog-raw=100000 --backlog-layer=10000
#   --only=paced,max,backlog,relay --keep (keep the database and topics) --readme
#   --render=bench/messaging/results/X.json (re-print / --readme a stored run, no measurement)
#   --without-notify (experiment: drop the outbox NOTIFY trigger) --label=NAME (suffix of the results file)
#
# Needs the stack (tools/stack/stack.sh up). Uses its own database and topic prefix, dropped at the end.
# Compiles libs/ and bench/ with swc into bench/messaging/.build (not dist/, which others rebuild).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

if [[ -z "${KAFKA_BROKERS:-}" || -z "${DATABASE_URL:-}" ]]; then
  if [[ -f /tmp/llmops-stack/env ]]; then
    # shellcheck disable=SC1091
    source /tmp/llmops-stack/env
  else
    echo "KAFKA_BROKERS / DATABASE_URL not set: run eval \"\$(bash tools/stack/stack.sh up)\"" >&2
    exit 2
  fi
fi

OUT="$ROOT/bench/messaging/.build"
rm -rf "$OUT"
npx swc libs bench/shared bench/messaging/src -d "$OUT" --quiet
node "$ROOT/tools/build/write-dist-package.js" "$OUT"  # resolve `@llmops/<lib>` inside $OUT

exec node --max-old-space-size=4096 "$OUT/bench/messaging/src/main.js" --root="$ROOT" "$@"
