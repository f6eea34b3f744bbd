#!/usr/bin/env bash
# Packs the cioidclint .NET tool both ways, into artifacts/packages (or the folder given):
#   native/     the RID-specific set `dotnet tool install cioidclint` resolves with the .NET 10
#               SDK: cioidclint (the pointer naming the RID packages), cioidclint.RID (the
#               NativeAOT executable of this machine's platform, linux-x64 for a release) and
#               cioidclint.any (the framework-dependent fallback for every other platform);
#   framework/  the single framework-dependent package a plain `dotnet pack` makes, which is
#               what pre-commit's `language: dotnet` builds and installs;
#   analyzers/  CiOidcLint.Analyzers, the rules as a Roslyn analyzer for `dotnet build`.
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
# The pointer names exactly the packages made here: this machine's RID and the fallback.
native=(-p:NativeToolPackages=true "-p:NativeToolRuntimeIdentifier=$rid")
pack -o "$out/framework"
pack -o "$out/native" "${native[@]}"
pack -o "$out/native" "${native[@]}" -r any
pack -o "$out/native" "${native[@]}" -r "$rid"
rm -rf "$out/analyzers"
dotnet pack "$root/server/CiOidcLint.Analyzers" -c Release --nologo -v q -warnaserror -p:CiOidcLintPackAnalyzer=true -o "$out/analyzers"
ls "$out/native" "$out/framework" "$out/analyzers" >&2
