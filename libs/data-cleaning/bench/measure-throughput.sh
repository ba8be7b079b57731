#!/usr/bin/env bash
# Throughput of the cleaning pipeline (DEFAULT_RECIPE and each step) on synthetic web text, one core.
#
#   bash libs/data-cleaning/bench/measure-throughput.sh          # 20 MB
#   SIZE_MB=50 bash libs/data-cleaning/bench/measure-throughput.sh
#
# Compiles with swc into a temporary folder (not dist/, which others rebuild) and runs with plain node.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
OUT="$(mktemp -d -t llmops-cleaning-bench.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT
npx swc libs/contracts/src libs/data-formats/src libs/data-cleaning/src libs/data-cleaning/bench -d "$OUT" --quiet
node "$ROOT/tools/build/write-dist-package.js" "$OUT"
NODE_PATH="$ROOT/node_modules" node "$OUT/libs/data-cleaning/bench/measure-throughput.js"
