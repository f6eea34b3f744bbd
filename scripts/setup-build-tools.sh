#!/usr/bin/env bash
# Installs what the native build needs beyond the .NET SDK, only when it is missing (safe to run
# again): NativeAOT links the executable with clang and needs zlib's headers. On Debian and
# Ubuntu it installs the packages clang and zlib1g-dev (with sudo when not root); elsewhere it
# says what is missing.
set -euo pipefail

missing=()
command -v clang >/dev/null || missing+=(clang)
if [[ ! -e /usr/include/zlib.h ]] && ! printf '#include <zlib.h>\n' | cc -E - >/dev/null 2>&1; then
  missing+=(zlib1g-dev)
fi
if ((${#missing[@]} == 0)); then
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "setup-build-tools: the native build needs clang and zlib's headers (missing: ${missing[*]}); install them with your system's package manager" >&2
  exit 1
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
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
