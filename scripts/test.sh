#!/usr/bin/env bash
# Second README command: runs every test: the C++ unit and fixture-site tests (ctest),
# the fuzz targets (scripts/fuzz.sh), then the browser and validator checks on every
# generated page.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build -j"$(nproc)"
(cd build && ctest --output-on-failure -j"$(nproc)")
# libFuzzer targets with ASan and UBSan, 60 s each (FUZZ_SECONDS); see tests/fuzz/.
scripts/fuzz.sh
if [[ -x scripts/browser-tests.sh ]]; then
  scripts/browser-tests.sh build/nianbao
fi
