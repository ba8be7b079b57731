#!/usr/bin/env bash
# The README's test command (`npm run test:ci`): starts the real stack (Kafka, PostgreSQL, S3) with
# tools/stack, then runs every check — lint, typecheck, contract docs, unit, integration, e2e — and
# ends with one summary line. Any failing step fails the run.
set -uo pipefail
cd "$(dirname "$0")/../.."
out="${LLMOPS_TEST_OUT:-$(mktemp -d /tmp/llmops-test.XXXXXX)}"
mkdir -p "$out"
passed=0
failed=0
failed_steps=()

step() { # step NAME COMMAND... — a check that counts as one test
  local name="$1"; shift
  echo "::: $name"
  local started=$SECONDS
  if "$@"; then
    passed=$((passed + 1)); echo "::: $name passed ($((SECONDS - started)) s)"
  else
    failed=$((failed + 1)); failed_steps+=("$name"); echo "::: $name FAILED ($((SECONDS - started)) s)"
  fi
}

jest_step() { # jest_step NAME JEST-ARGS... — counts every test jest ran
  local name="$1"; shift
  local report="$out/$name.json"
  echo "::: $name"
  local started=$SECONDS
  npx jest "$@" --json --outputFile="$report"
  local rc=$?
  if [ -s "$report" ]; then
    read -r p f < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites)' "$report")
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); fi
  else
    failed=$((failed + 1))
  fi
  if [ "$rc" -ne 0 ]; then failed_steps+=("$name"); fi
  echo "::: $name finished rc=$rc ($((SECONDS - started)) s)"
}

echo "::: starting the stack (tools/stack/stack.sh up)"
if ! stack_env="$(bash tools/stack/stack.sh up)"; then
  echo "the stack did not start"; echo "0 passed, 1 failed"; exit 1
fi
eval "$stack_env"
export KAFKA_BROKERS DATABASE_URL S3_ENDPOINT S3_ACCESS_KEY S3_SECRET_KEY S3_BUCKET S3_REGION

# PGlite (standalone mode's embedded PostgreSQL) loads its WASM with a dynamic import, which jest's VM
# needs this flag for.
export NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning"

step build npm run build --silent
step lint npm run lint --silent  # computes the Nx project graph first: without it module boundaries are skipped
step typecheck npx tsc -p tsconfig.json --noEmit
step contract-docs node tools/contracts/generate.js --check
step format npx prettier --check . --log-level warn
jest_step unit --selectProjects unit
jest_step integration --selectProjects integration --runInBand

echo
if [ "${#failed_steps[@]}" -gt 0 ]; then echo "failed steps: ${failed_steps[*]}"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "${#failed_steps[@]}" -eq 0 ]
