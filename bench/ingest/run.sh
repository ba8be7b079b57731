#!/usr/bin/env bash
# bench/ingest/run.sh — end-to-end ingest throughput and peak RSS of the ingestion service's curation path
# (readRecords → curate() with a recipe → hash split → ShardWriter gzip shards), with a Python baseline.
#
#   bash bench/ingest/run.sh                                  # 200 MB throughput corpus + 1 GiB RSS run
#   SIZE_MB=50 RSS_GIB=0 PROFILE_MB=0 bash bench/ingest/run.sh  # quick smoke run
#
# Knobs: SIZE_MB (throughput corpus, 10^6 bytes, default 200), RSS_GIB (clean-near RSS input, default 1; 0
# skips it), PROFILE_MB (clean-near under --cpu-prof for the stage breakdown, default 50; 0 skips it),
# SEED (42), PYTHON (python3), TMPDIR (where the corpus and shards go), KEEP_DATA=1 (keep them).
# Needs: node + npx swc (repo devDependencies), python3 (standard library only).
# Compiles with swc into bench/ingest/.build (not dist/, which others rebuild). Each scenario runs in its own
# Node process, one after the other, so each peak RSS is that scenario's alone.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SIZE_MB="${SIZE_MB:-200}"
RSS_GIB="${RSS_GIB:-1}"
PROFILE_MB="${PROFILE_MB:-50}"
SEED="${SEED:-42}"
PYTHON="${PYTHON:-python3}"
STARTED="$(date +%s)"

OUT="$ROOT/bench/ingest/.build"
rm -rf "$OUT"
npx swc libs/contracts/src libs/data-formats/src libs/data-cleaning/src libs/data-profile/src \
  libs/minhash/src libs/curation/src bench/shared bench/ingest/src -d "$OUT" --quiet
node "$ROOT/tools/build/write-dist-package.js" "$OUT"  # resolve `@llmops/<lib>` inside $OUT

DATA="$(mktemp -d -t llmops-bench-ingest.XXXXXX)"
if [[ "${KEEP_DATA:-0}" == 1 ]]; then echo "corpus and results kept in $DATA" >&2; else trap 'rm -rf "$DATA"' EXIT; fi
mkdir -p "$DATA/runs"
JS="$OUT/bench/ingest/src"
echo "generating the corpus (seed $SEED) in $DATA:" >&2
node "$JS/gen.js" --out="$DATA" --size-mb="$SIZE_MB" --rss-gib="$RSS_GIB" --profile-mb="$PROFILE_MB" --seed="$SEED"

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
scenario() {  # scenario NAME CORPUS
  node "$JS/scenario.js" --scenario="$1" --corpus="$2" --data="$DATA" --tmp="$DATA" \
    --out="$DATA/runs/scenario-$1-$2.json"
}
echo "throughput scenarios (Node $(node --version)), one process each:" >&2
for S in read read-write minimal clean-exact clean-near; do scenario "$S" throughput; done
echo "baseline ($("$PYTHON" --version 2>&1)):" >&2
"$PYTHON" bench/ingest/src/reference.py --data="$DATA" --corpus=throughput --tmp="$DATA" \
  --out="$DATA/runs/baseline.json"
if [[ "$RSS_GIB" != 0 ]]; then
  echo "peak RSS: clean-near over the ${RSS_GIB} GiB corpus:" >&2
  scenario clean-near rss
fi
if [[ "$PROFILE_MB" != 0 ]]; then
  echo "stage breakdown: clean-near over ${PROFILE_MB} MB under --cpu-prof (not in the table):" >&2
  node --cpu-prof --cpu-prof-dir="$DATA/cpuprof" "$JS/scenario.js" --scenario=clean-near --corpus=profile \
    --data="$DATA" --tmp="$DATA" --out="$DATA/runs/profiled-clean-near.json"
  node "$JS/breakdown.js" --profile-dir="$DATA/cpuprof" --out="$DATA/runs/breakdown.json"
fi
node "$JS/report.js" --data="$DATA" --results="$ROOT/bench/ingest/results" --load-before="$LOAD_BEFORE" \
  --total-seconds="$(( $(date +%s) - STARTED ))"
