#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK, only when it is missing (safe to run again).
#   pre-commit (Debian package): PreCommitHookTests runs the real `pre-commit try-repo`.
#   neovim (Debian package, 0.7.2 on bookworm): NeovimTests drives the language server from it.
#   curl (Debian package): the merge-request job's script downloads its release archive with it.
# Uses sudo only when not root; without either, says so and goes on (those tests skip locally
# and fail in CI, where CI is set).
set -euo pipefail

apt_install() {
  local run=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      run=(sudo -n)
    else
      echo "setup-test-tools: cannot install $* (not root, no sudo); the tests that need it will skip" >&2
      return 0
    fi
  fi
  # Only reached when something is missing; a fresh machine may have no or stale package lists.
  "${run[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq "$@" >/dev/null
}

if ! command -v pre-commit >/dev/null; then
  echo "== installing pre-commit"
  apt_install pre-commit
fi

if ! command -v curl >/dev/null; then
  echo "== installing curl"
  apt_install curl
fi

if ! command -v nvim >/dev/null; then
  echo "== installing neovim"
  apt_install neovim
fi
