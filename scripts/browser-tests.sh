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
for tool in node java pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || { echo "browser-tests: $tool not found (run scripts/setup.sh)" >&2; exit 2; }
done
[[ -x /usr/bin/chromium ]] || { echo "browser-tests: /usr/bin/chromium not found (run scripts/setup.sh)" >&2; exit 2; }
for pkg in playwright-core axe-core vnu-jar; do
  [[ -d "node_modules/$pkg" ]] || { echo "browser-tests: node_modules/$pkg missing (run npm ci)" >&2; exit 2; }
done

start=$(date +%s)
out=test-output
rm -rf "$out/sites" "$out/screenshots" "$out/print"
mkdir -p "$out/sites"

status=0
build_site() {  # name, site folder[, flags]; a site that fails to build fails the run, the others go on
  echo "browser-tests: building $2 ${3:-}→ $out/sites/$1/public"
  if ! "$binary" build --quiet ${3:-} --site "$2" --out "$out/sites/$1/public"; then
    echo "browser-tests: FAILED to build $2" >&2
    status=1
  fi
}
build_site sample .
for dir in tests/sites/*/; do
  name="$(basename "$dir")"
  [[ "$name" == invalid* || ! -f "$dir/content/site.yaml" ]] && continue
  build_site "$name" "${dir%/}"
done
# The live copy of the government fixture: badge and snippet (check 9 compares the two).
build_site government-publish tests/sites/government --publish

node --test --test-reporter=tap tests/browser/run-all.mjs || status=$?
times > "$out/times.txt"  # a builtin, no fork: its second line is the CPU time of everything run
echo "browser-tests: $(($(date +%s) - start)) s wall, CPU user/sys $(tail -n1 "$out/times.txt"); screenshots in $out/screenshots/"
exit "$status"
