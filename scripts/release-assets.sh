#!/usr/bin/env bash
# Builds the release asset the merge-request job downloads: cioidclint-VERSION-RID.tar.gz (the
# native executable, the licence and the notices, in a cioidclint/ folder) and its .sha256, in
# artifacts/release (or the folder given). The archive is reproducible: sorted names, owner 0,
# a fixed mtime, no gzip timestamp.
#   --stamp-template     also writes the sum into templates/cioidclint.gitlab-ci.yml
#                        (CIOIDCLINT_SHA256), as a release does before it is tagged.
#   --executable PATH    archives that native executable (already published for this machine)
#                        instead of publishing it again.
# Prints the archive's path, then its SHA-256, as the last two lines of output.
# Usage: scripts/release-assets.sh [--stamp-template] [--executable PATH] [OUTPUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
stamp=false
given_exe=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --stamp-template) stamp=true; shift ;;
    --executable)
      if [[ $# -lt 2 ]]; then echo "release-assets: --executable needs a path" >&2; exit 2; fi
      given_exe="$2"; shift 2 ;;
    *) break ;;
  esac
done
out="${1:-$root/artifacts/release}"

rid="$(bash "$root/scripts/publish-native.sh" --print-rid)"
# The template downloads CIOIDCLINT_PLATFORM, linux-x64 by default: only that archive's sum belongs in it.
if $stamp && [[ "$rid" != linux-x64 ]]; then
  echo "release-assets: --stamp-template needs the linux-x64 archive, and this machine builds $rid" >&2
  exit 2
fi
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/cioidclint" "$out"
chmod 0755 "$staging/cioidclint"
if [[ -n "$given_exe" ]]; then
  exe="$given_exe"
else
  exe="$(bash "$root/scripts/publish-native.sh" "$rid" "$staging/publish" | tail -n 1)"
fi
cp "$exe" "$staging/cioidclint/"
cp "$root/LICENSE" "$root/THIRD-PARTY-NOTICES.md" "$staging/cioidclint/"
chmod 0755 "$staging/cioidclint/$(basename "$exe")"
chmod 0644 "$staging/cioidclint/LICENSE" "$staging/cioidclint/THIRD-PARTY-NOTICES.md"

asset="cioidclint-$version-$rid.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$staging" -cf - cioidclint | gzip -n -9 >"$out/$asset"
sum="$(sha256sum "$out/$asset" | cut -d' ' -f1)"
echo "$sum  $asset" >"$out/$asset.sha256"

if $stamp; then
  template="$root/templates/cioidclint.gitlab-ci.yml"
  sed -i "s/^\(    CIOIDCLINT_SHA256: \).*/\1\"$sum\"/" "$template"
  grep -q "CIOIDCLINT_SHA256: \"$sum\"" "$template" || { echo "release-assets: could not stamp $template" >&2; exit 1; }
fi
echo "$out/$asset"
echo "$sum"
