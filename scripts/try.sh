#!/usr/bin/env bash
# Builds the cioidclint CLI and runs it on the sample pipeline (or on the paths you pass).
# Usage: scripts/try.sh [PATH...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish "$root/server/CiOidcLint.Cli" -c Release -o "$root/artifacts/cli" --nologo -v q >&2
if [ "$#" -eq 0 ]; then
  cd "$root/samples/vault-login"
  set -- .gitlab-ci.yml
fi
exec dotnet "$root/artifacts/cli/cioidclint.dll" check "$@"
