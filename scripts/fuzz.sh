#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/*_fuzz.cc) with clang, ASan and UBSan in
# build-fuzz/, then runs each on its seed corpus for FUZZ_SECONDS (default 60) and prints
# its executions per second and in all. A crash, a sanitizer report, a broken property or
# an input slower than 5 s fails the script; libFuzzer keeps that input as
# build-fuzz/<target>-crash-… (add it to the unit tests, then fix).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
targets=(yaml front_matter shortcodes markdown template)

cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNIANBAO_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/%/_fuzz}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=0
for name in "${targets[@]}"; do
  # New inputs go to a scratch folder: the checked-in seeds stay small and reviewed.
  work=$(mktemp -d)
  log=build-fuzz/$name.log
  status=0
  "./build-fuzz/${name}_fuzz" -max_total_time="$seconds" -timeout=5 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/$name-" \
    "$work" "tests/fuzz/corpus/$name" >"$log" 2>&1 || status=$?
  rm -rf "$work"
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  if ((status != 0)); then
    echo "fuzz: $name FAILED (exit $status); the end of $log:"
    tail -n 40 "$log"
    failed=1
  else
    printf 'fuzz: %-12s %8s exec/s %12s executions in %ss\n' "$name" "${rate:-?}" "${runs:-?}" "$seconds"
  fi
done
exit "$failed"
