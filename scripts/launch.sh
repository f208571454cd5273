#!/usr/bin/env bash
# Launches Source Annotator for manual use on seeds/ (the folder itself, not a copy).
#  * With a desktop VS Code (`code` on PATH): opens an Extension Development Host window.
#  * Without one (servers, offline machines): provisions and starts code-server (VS Code 1.100.3)
#    on 127.0.0.1:$PORT (default: a free port), prints the URL to open, runs until Ctrl-C.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO="$PWD"

echo "==> installing dependencies"
bash scripts/install-deps.sh
echo "==> building the extension"
npm run build

if command -v code >/dev/null 2>&1 && [[ "${SOURCE_ANNOTATOR_LAUNCH_HOST:-}" != code-server ]]; then
  echo "==> opening seeds/ in a VS Code Extension Development Host"
  exec code --extensionDevelopmentPath="$REPO" "$REPO/seeds"
fi

echo "==> no desktop 'code' on PATH: serving VS Code through code-server"
bash test/host/setup.sh
# exec: Ctrl-C reaches serve.mjs directly, which stops the code-server process tree.
exec node test/host/serve.mjs
