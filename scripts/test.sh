#!/usr/bin/env bash
# Second README command: runs every test: the C++ unit and fixture-site tests (ctest),
# then the browser and validator checks on every generated page.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build -j"$(nproc)"
(cd build && ctest --output-on-failure -j"$(nproc)")
if [[ -x scripts/browser-tests.sh ]]; then
  scripts/browser-tests.sh build/nianbao
fi
