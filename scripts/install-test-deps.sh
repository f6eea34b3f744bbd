#!/usr/bin/env bash
# Installs, idempotently, what the tests need beyond the .NET SDK: Debian's Neovim (0.7.2 on
# bookworm), which the language server's editor test drives headless. scripts/test.sh calls this.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: no apt-get here; install neovim to run the Neovim test" >&2
  exit 0
fi
run=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run=(sudo -n)
  else
    echo "install-test-deps: not root and no sudo; install neovim to run the Neovim test" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "== install neovim"
if ! "${run[@]}" apt-get install -y -qq --no-install-recommends neovim >/dev/null 2>&1; then
  "${run[@]}" apt-get update -qq
  "${run[@]}" apt-get install -y -qq --no-install-recommends neovim >/dev/null
fi
nvim --version | head -1
