#!/usr/bin/env bash
# Runs every test of the project, the way CI does (.ci/run calls this).
# Usage: scripts/test.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== test tools"
bash "$root/scripts/setup-test-tools.sh"

echo "== build"
dotnet build CiOidcLint.sln -c Release --nologo -v q

echo "== publish the native executable every process test runs (CLI and language server)"
# NativeAOT, with trim and AOT warnings as errors; installs clang and zlib when missing.
CIOIDCLINT_CLI="$(bash "$root/scripts/publish-native.sh" | tail -n 1)"
export CIOIDCLINT_CLI
echo "$CIOIDCLINT_CLI"

echo "== pack the tool packages the install, package and pre-commit tests use"
package_dir="$root/artifacts/packages"
bash "$root/scripts/pack-tool.sh" "$package_dir"
export CIOIDCLINT_PACKAGES="$package_dir"

echo "== gitlab-ci-local, the oracle of the effective-job test (skips with a message when it cannot be installed)"
CIOIDCLINT_GITLAB_CI_LOCAL="$(bash "$root/scripts/setup-oracle.sh" | tail -n 1)"
export CIOIDCLINT_GITLAB_CI_LOCAL
echo "${CIOIDCLINT_GITLAB_CI_LOCAL:-not installed}"

echo "== .NET tests"
log="$(mktemp)"
set +e
# -m:1: one test assembly at a time. The CLI tests build and pack (pre-commit, the tool install),
# which would starve the engine's linear-time checks of the two cores if they ran side by side.
dotnet test CiOidcLint.sln -c Release --no-build --nologo -m:1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line over all test assemblies.
awk '
  /(Passed|Failed)! +- +Failed: / {
    gsub(/,/, "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1);
      if ($i == "Passed:") p += $(i + 1);
      if ($i == "Skipped:") s += $(i + 1);
    }
  }
  END { printf "dotnet: %d passed, %d failed, %d skipped\n", p, f, s }
' "$log" | tee "$log.summary"
mv "$log.summary" "$log"

echo "== VS Code extension: unit tests, then the .vsix with the published server"
ext_status=0
ext_log="$(mktemp)"
{
  npm ci --no-audit --no-fund &&
    npm test 2>&1 | tee "$ext_log" &&
    npm run package
} || ext_status=$?
# node's test runner ends with "ℹ pass N" / "ℹ fail N" lines; say it plainly too.
awk '
  /^[^ ]+ (pass|fail|skipped|todo) [0-9]+$/ { n[$2] = $3 }
  END { printf "extension: %d passed, %d failed, %d skipped\n", n["pass"], n["fail"], n["skipped"] + n["todo"] }
' "$ext_log" | tee "$ext_log.summary"
mv "$ext_log.summary" "$ext_log"

echo "== VS Code extension end to end: the .vsix in code-server, driven in Chromium"
e2e_status=0
e2e_log="$(mktemp)"
if [[ $ext_status -eq 0 ]]; then
  # Installs its tools on first use (scripts/setup-e2e.sh), then prints "e2e: N passed, N failed".
  bash vscode-extension/e2e/run.sh 2>&1 | tee "$e2e_log" || e2e_status=$?
else
  echo "skipped: the .vsix was not built"
  echo "e2e: 0 passed, 1 failed" >"$e2e_log"
  e2e_status=1
fi

# One closing line over every runner: .NET, the extension's unit tests, the end-to-end test.
cat "$log" "$ext_log" "$e2e_log" 2>/dev/null | awk '
  /^(dotnet|extension|e2e): [0-9]+ passed, [0-9]+ failed/ {
    gsub(/,/, ""); p += $2; f += $4; if ($6 != "") s += $6
  }
  END { printf "all: %d passed, %d failed, %d skipped\n", p, f, s }
'
rm -f "$log" "$ext_log" "$e2e_log"

for s in "$status" "$ext_status" "$e2e_status"; do
  if [[ $s -ne 0 ]]; then exit "$s"; fi
done
exit 0
