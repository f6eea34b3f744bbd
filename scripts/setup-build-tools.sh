#!/usr/bin/env bash
# Installs what the native build needs beyond the .NET SDK, only when it is missing (safe to run
# again): NativeAOT links the executable with clang and needs zlib's headers (Debian packages
# clang and zlib1g-dev). Uses sudo only when not root.
set -euo pipefail

missing=()
for p in clang zlib1g-dev; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "setup-build-tools: the native build needs ${missing[*]} (Debian packages); install them as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
echo "setup-build-tools: installing ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
