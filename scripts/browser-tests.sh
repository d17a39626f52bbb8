#!/usr/bin/env bash
# Browser and validator checks on every generated page (docs/testing.md).
# Usage: scripts/browser-tests.sh [path/to/nianbao]   (default build/nianbao; compiles nothing)
# Builds the sample site and each valid fixture site (tests/sites/<name>/ with
# content/site.yaml, not tests/sites/invalid*) into test-output/sites/<name>/public, then
# runs tests/browser/run-all.mjs under node's test runner. Screenshots go to
# test-output/screenshots/<site>/.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-build/nianbao}"
[[ -x "$binary" ]] || { echo "browser-tests: no nianbao binary at $binary" >&2; exit 2; }
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
for tool in node java; do
  command -v "$tool" >/dev/null || { echo "browser-tests: $tool not found (run scripts/setup.sh)" >&2; exit 2; }
done
[[ -x /usr/bin/chromium ]] || { echo "browser-tests: /usr/bin/chromium not found (run scripts/setup.sh)" >&2; exit 2; }
for pkg in playwright-core axe-core vnu-jar; do
  [[ -d "node_modules/$pkg" ]] || { echo "browser-tests: node_modules/$pkg missing (run npm ci)" >&2; exit 2; }
done

start=$(date +%s)
out=test-output
rm -rf "$out/sites" "$out/screenshots"
mkdir -p "$out/sites"

build_site() {  # name, site folder
  echo "browser-tests: building $2 → $out/sites/$1/public"
  "$binary" build --quiet --site "$2" --out "$out/sites/$1/public"
}
build_site sample .
for dir in tests/sites/*/; do
  name="$(basename "$dir")"
  [[ "$name" == invalid* || ! -f "$dir/content/site.yaml" ]] && continue
  build_site "$name" "${dir%/}"
done

status=0
node --test --test-reporter=tap tests/browser/run-all.mjs || status=$?
echo "browser-tests: $(($(date +%s) - start)) s; screenshots in $out/screenshots/"
exit "$status"
