#!/usr/bin/env bash
# The project's complete test run, from a fresh clone on a fresh machine (this is what CI runs,
# via .ci/run). Stops at the first failing stage and exits with its status.
#
# Stages: provision the VS Code test host -> install npm deps -> build -> compile tests -> lint ->
# typecheck -> unit tests -> pack (npm pack, installed and run in a temporary git repository) ->
# integration tests (extension host, real VS Code) -> e2e (UI) tests.
#
# Artifacts (logs, screenshots, results.json) land in test-artifacts/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO="$PWD"

declare -a SUMMARY=()
TOTAL_START=$SECONDS

print_summary() {
  echo
  echo "==================== test-all summary ===================="
  local line
  for line in "${SUMMARY[@]}"; do echo "  $line"; done
  echo "  total: $((SECONDS - TOTAL_START)) s"
  echo "=========================================================="
}

# run_stage NAME COMMAND...: runs one stage, records its status and duration, stops on failure.
run_stage() {
  local name="$1"
  shift
  echo
  echo "==> [$name] $*"
  local start=$SECONDS rc=0
  "$@" || rc=$?
  local took=$((SECONDS - start))
  if ((rc == 0)); then
    SUMMARY+=("$(printf '%-14s ok      %4d s' "$name" "$took")")
  else
    SUMMARY+=("$(printf '%-14s FAILED  %4d s  (exit %d)' "$name" "$took" "$rc")")
    print_summary
    echo "test-all: stage '$name' failed (exit $rc); see its output above and test-artifacts/." >&2
    exit "$rc"
  fi
}

run_stage host-setup bash test/host/setup.sh
run_stage npm-ci bash scripts/install-deps.sh
run_stage build npm run build
run_stage compile-tests npm run compile-tests
run_stage lint npm run lint
run_stage typecheck npm run typecheck
run_stage unit npm run test:unit
run_stage pack npm run test:pack
run_stage integration node test/host/runIntegration.mjs
run_stage e2e npm run test:e2e

print_summary
echo "test-all: all stages passed (artifacts in $REPO/test-artifacts)"
