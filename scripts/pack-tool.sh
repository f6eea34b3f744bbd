#!/usr/bin/env bash
# Packs the cioidclint .NET tool both ways, into artifacts/packages (or the folder given):
#   native/     the RID-specific set `dotnet tool install cioidclint` resolves with the .NET 10
#               SDK: cioidclint (the pointer naming the RID packages), cioidclint.linux-x64 (the
#               NativeAOT executable; on another OS, that OS's RID) and cioidclint.any (the
#               framework-dependent fallback for every platform without a native package);
#   framework/  the single framework-dependent package a plain `dotnet pack` makes, which is
#               what pre-commit's `language: dotnet` builds and installs.
# Push every package of native/ to a feed to publish the tool.
# Usage: scripts/pack-tool.sh [OUTPUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/artifacts/packages}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
project="$root/server/CiOidcLint.Cli"

rid="$(bash "$root/scripts/publish-native.sh" --print-rid)"
if [[ "$(uname -s)" == Linux ]]; then
  bash "$root/scripts/setup-build-tools.sh"
fi

rm -rf "$out/native" "$out/framework"
# A tool package takes the whole publish folder: start from empty ones, so nothing an earlier
# publish left there (a symbol file, a renamed assembly) is shipped.
rm -rf "$project"/bin/Release/net10.0/*/publish "$project"/bin/Release/net10.0/publish
pack() { dotnet pack "$project" -c Release --nologo -v q -warnaserror "$@"; }
pack -o "$out/framework"
pack -o "$out/native" -p:NativeToolPackages=true
pack -o "$out/native" -p:NativeToolPackages=true -r any
pack -o "$out/native" -p:NativeToolPackages=true -r "$rid"
ls "$out/native" "$out/framework" >&2
