#!/usr/bin/env bash
# Publishes cioidclint (CLI and language server in one executable) ahead of time, for this
# machine's platform or the RID given, into artifacts/native/RID (or the folder given).
# Installs clang and zlib first if they are missing (scripts/setup-build-tools.sh).
# Prints the executable's path as its last line of output.
# Usage: scripts/publish-native.sh [RID [OUTPUT_DIR]]
#        scripts/publish-native.sh --print-rid   (only prints this machine's RID)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

host_rid() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=osx ;;
    MINGW* | MSYS* | CYGWIN*) os=win ;;
    *) echo "publish-native: unknown operating system $(uname -s)" >&2; exit 2 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "publish-native: unknown architecture $(uname -m)" >&2; exit 2 ;;
  esac
  echo "$os-$arch"
}

if [[ "${1:-}" == --print-rid ]]; then
  host_rid
  exit 0
fi

rid="${1:-$(host_rid)}"
out="${2:-$root/artifacts/native/$rid}"
if [[ "$(uname -s)" == Linux ]]; then
  bash "$root/scripts/setup-build-tools.sh"
fi

# -warnaserror: a trim or AOT warning fails the build (Directory.Build.props makes C# warnings
# errors; the native compiler's own warnings need this too).
dotnet publish "$root/server/CiOidcLint.Cli" -c Release -r "$rid" -o "$out" --nologo -v q -warnaserror >&2
exe="$out/cioidclint"
[[ "$rid" == win-* ]] && exe="$exe.exe"
if [[ ! -x "$exe" ]]; then
  echo "publish-native: $exe was not produced" >&2
  exit 1
fi
echo "$exe"
