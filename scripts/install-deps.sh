#!/usr/bin/env bash
# Installs the npm dependencies from the lockfile, once per lockfile: `npm ci` wipes node_modules,
# so it is skipped when node_modules was installed from exactly this lockfile (stamp below).
# --ignore-scripts: @vscode/vsce's optional keytar would try to download a prebuilt binary;
# nothing here needs install scripts (esbuild's binary comes from its optional platform package).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

stamp=node_modules/.source-annotator-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  echo "node_modules matches package-lock.json; skipping npm ci"
  exit 0
fi
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund
echo "$want" >"$stamp"
