#!/usr/bin/env bash
# Validates a SARIF file with Microsoft's SARIF Multitool (npm package @microsoft/sarif-multitool),
# installed once into ~/.cache/offbook/sarif-multitool. Exits non-zero when the file has errors.
#   scripts/validate-sarif.sh offbook.sarif
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 FILE.sarif" >&2; exit 2; }
command -v npm > /dev/null || { echo "validate-sarif: npm is needed (Node.js)" >&2; exit 2; }
tool="${XDG_CACHE_HOME:-$HOME/.cache}/offbook/sarif-multitool"
if [ ! -x "$tool/node_modules/.bin/sarif-multitool" ]; then
  mkdir -p "$tool"
  npm install --silent --prefix "$tool" @microsoft/sarif-multitool > /dev/null
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$tool/node_modules/.bin/sarif-multitool" validate "$1" -o "$out/validation.sarif" | tee "$out/log.txt"
if grep -qE ": error " "$out/log.txt"; then
  echo "validate-sarif: errors found" >&2
  exit 1
fi
echo "validate-sarif: no errors"
