#!/usr/bin/env bash
# Builds the native cioidclint executable (installing clang and zlib first if they are missing)
# and runs it on the sample pipeline, or on the paths you pass.
# Usage: scripts/try.sh [PATH...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
exe="$(bash "$root/scripts/publish-native.sh" | tail -n 1)"
if [ "$#" -eq 0 ]; then
  cd "$root/samples/vault-login"
  set -- .gitlab-ci.yml
fi
exec "$exe" check "$@"
