#!/usr/bin/env bash
# Provisions the "real VS Code" test host for this project. Idempotent: safe to run on every CI
# job and before every launch; each step checks first and only does work when something is missing.
#
# Why this exists: @vscode/test-electron downloads VS Code from Microsoft's update servers, which
# this project's build machines cannot reach (only the npm registry and Debian apt are reachable).
# We therefore run VS Code 1.100.3 as code-server 4.100.3 (installed from npm) and drive its
# browser workbench with Debian's Chromium through playwright-core.
#
# Exit status: 0 when the host is ready, non-zero with a message saying why when it is not.
# It never "skips": CI must fail loudly rather than pass without having tested anything.
#
# Environment:
#   SOURCE_ANNOTATOR_HOST_CACHE  machine-wide cache dir (default ~/.cache/source-annotator/test-host)
#   CODE_SERVER_NODE             node binary used to install/run code-server (default: node on PATH)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# The @vscode/ripgrep package that code-server 4.100.3 pulls in, and the ripgrep release tag its
# postinstall wants. Read from @vscode/ripgrep/package.json and lib/postinstall.js (VERSION) if
# code-server is ever upgraded.
RIPGREP_PKG_VERSION=1.15.11
RIPGREP_TAG=v13.0.0-10
APT_PACKAGES=(chromium libkrb5-dev ripgrep build-essential python3 pkg-config fonts-dejavu-core)

CACHE_ROOT="${SOURCE_ANNOTATOR_HOST_CACHE:-$HOME/.cache/source-annotator/test-host}"
CS_PREFIX="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
CS_BIN="$CS_PREFIX/node_modules/.bin/code-server"
NODE_BIN="${CODE_SERVER_NODE:-node}"

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# --- 0. Node 20 with local headers ---------------------------------------------------------
# code-server 4.100.x refuses any Node major other than 20. Its native modules (kerberos,
# node-pty, spdlog, ...) are compiled with node-gyp, which would download headers from nodejs.org
# unless it can use the ones installed with Node in /usr/include/node.
command -v "$NODE_BIN" >/dev/null 2>&1 || die "node not found (set CODE_SERVER_NODE or install Node 20)"
node_major="$("$NODE_BIN" -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" == 20 ]] || die "code-server $CODE_SERVER_VERSION needs Node 20, found $("$NODE_BIN" --version) (set CODE_SERVER_NODE to a Node 20 binary)"
NODE_PREFIX="$(cd "$(dirname "$(readlink -f "$(command -v "$NODE_BIN")")")/.." && pwd)"
[[ -f "$NODE_PREFIX/include/node/node.h" ]] \
  || die "Node headers not found in $NODE_PREFIX/include/node (the NodeSource 'nodejs' package ships them); node-gyp would try to download them"
log "node $("$NODE_BIN" --version), headers in $NODE_PREFIX/include/node"

# --- 1. Debian packages ----------------------------------------------------------------------
#   chromium            the browser playwright-core drives (it never downloads one)
#   libkrb5-dev, build-essential, python3, pkg-config
#                       to build VS Code's native modules from source (prebuilds come from GitHub)
#   ripgrep             the rg binary that @vscode/ripgrep would otherwise download from GitHub
#   fonts-dejavu-core   so screenshots have real glyphs
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  command -v apt-get >/dev/null 2>&1 || die "apt-get not available; install manually: ${missing[*]}"
  if [[ "$(id -u)" == 0 ]]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    die "need root (or passwordless sudo) to install: ${missing[*]}"
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update || die "apt-get update failed"
  "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}" || die "apt-get install failed: ${missing[*]}"
else
  log "Debian packages present: ${APT_PACKAGES[*]}"
fi
[[ -x /usr/bin/rg ]] || die "/usr/bin/rg missing after installing ripgrep"

# --- 2. code-server from npm -------------------------------------------------------------------
# `code-server --version` writes ~/.config/code-server/config.yaml (with a random password) as a
# side effect, so it runs with throw-away HOME/XDG dirs.
cs_version() {
  local scratch rc=0
  scratch="$(mktemp -d)"
  HOME="$scratch" XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" \
    "$NODE_BIN" "$CS_BIN" --version 2>&1 | grep -v ' info ' || rc=$?
  rm -rf "$scratch"
  return $rc
}
cs_works() { [[ -x "$CS_BIN" && -f "$CS_PREFIX/.installed" ]] && cs_version >/dev/null; }

if cs_works; then
  log "code-server already installed: $CS_PREFIX ($(cs_version | head -n1))"
  exit 0
fi

# Seed @vscode/ripgrep's download cache. Its postinstall first looks for
#   <os.tmpdir()>/vscode-ripgrep-cache-<pkg version>/ripgrep-<tag>-<target>.tar.gz
# and only goes to GitHub when that file is missing. We pack Debian's rg under that name.
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64 | arm64) rg_target=aarch64-unknown-linux-musl ;;
  *) die "unsupported architecture $(uname -m) for the ripgrep cache seed" ;;
esac
tmp_root="${TMPDIR:-/tmp}"
rg_cache="$tmp_root/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
rg_tar="$rg_cache/ripgrep-$RIPGREP_TAG-$rg_target.tar.gz"
if [[ ! -s "$rg_tar" ]]; then
  log "seeding ripgrep cache $rg_tar from /usr/bin/rg"
  stage="$(mktemp -d)"
  cp /usr/bin/rg "$stage/rg"
  mkdir -p "$rg_cache"
  tar czf "$rg_tar.tmp" -C "$stage" rg && mv "$rg_tar.tmp" "$rg_tar"
  rm -rf "$stage"
else
  log "ripgrep cache already seeded: $rg_tar"
fi

# A previous install that did not finish (no .installed marker) is thrown away, not patched.
log "installing code-server@$CODE_SERVER_VERSION into $CS_PREFIX (builds native modules; ~1 min on 2 cores)"
rm -rf "$CS_PREFIX"
mkdir -p "$CS_PREFIX"
printf '{ "name": "source-annotator-test-host", "private": true }\n' >"$CS_PREFIX/package.json"
started=$SECONDS
# npm_config_nodedir: node-gyp uses the local headers instead of downloading them.
# unsafe_perm: code-server's postinstall (which installs lib/vscode) must run as root on CI.
# The install scripts MUST run here (code-server and argon2); npm 11's "not yet covered by
# allowScripts" notice is informational. PLAYWRIGHT/ELECTRON skips are belt and braces.
(
  cd "$CS_PREFIX"
  export npm_config_nodedir="$NODE_PREFIX" npm_config_yes=true npm_config_unsafe_perm=true
  export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 TMPDIR="$tmp_root"
  npm install --no-package-lock "code-server@$CODE_SERVER_VERSION"
) || die "npm install code-server@$CODE_SERVER_VERSION failed (see output above)"

[[ -x "$CS_BIN" ]] || die "code-server binary missing after install: $CS_BIN"
[[ -f "$CS_PREFIX/node_modules/code-server/lib/vscode/out/server-main.js" ]] \
  || die "code-server's bundled VS Code (lib/vscode) was not installed; its postinstall probably failed"
version_out="$(cs_version)" || die "code-server --version failed: $version_out"
touch "$CS_PREFIX/.installed"
log "code-server ready in $((SECONDS - started)) s: $(head -n1 <<<"$version_out")"
