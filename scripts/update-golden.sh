#!/usr/bin/env bash
# Rewrites tests/golden/good.manifest.json from today's build of tests/sites/good. Run it
# only when a change alters the output on purpose, and commit it with that change.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
build/nianbao build --quiet --site tests/sites/good --out "$out/public"
cp "$out/public/manifest.json" tests/golden/good.manifest.json
echo "update-golden: tests/golden/good.manifest.json rewritten; review the diff before committing"
