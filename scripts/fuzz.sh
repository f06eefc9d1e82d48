#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, -DCONVSTUDIO_FUZZ=ON, into build-fuzz/) when needed and
# runs one of them for SECONDS on a copy of its checked-in seed corpus and regression inputs;
# libFuzzer's final statistics (executions, exec/s, coverage) end the output. Exit status 0 only
# when the run found nothing (no crash, leak, timeout or out-of-memory).
#   scripts/fuzz.sh TARGET SECONDS      e.g. scripts/fuzz.sh fuzz_idx 600
#   scripts/fuzz.sh --list              the targets
# FUZZ_BUILD_DIR: build folder (default build-fuzz); FUZZ_JOBS: build jobs (default nproc);
# further libFuzzer flags in FUZZ_FLAGS. Findings are written to build-fuzz/findings/TARGET/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
targets=()
for f in "$root"/tests/fuzz/fuzz_*.cpp; do
    [ "$(basename "$f")" = fuzz_targets.cpp ] || targets+=("$(basename "$f" .cpp)")
done

if [ "${1:-}" = "--list" ]; then printf '%s\n' "${targets[@]}"; exit 0; fi
if [ $# -ne 2 ] || ! [[ "$2" =~ ^[0-9]+$ ]]; then
    echo "usage: scripts/fuzz.sh TARGET SECONDS   (targets: ${targets[*]})" >&2
    exit 2
fi
target="$1"
seconds="$2"
if [[ ! " ${targets[*]} " == *" $target "* ]]; then
    echo "fuzz: unknown target '$target'; known: ${targets[*]}" >&2
    exit 2
fi

export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}"
if [ ! -f "$build/build.ninja" ]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCONVSTUDIO_FUZZ=ON \
        -DCONVSTUDIO_ISA=portable > /dev/null
fi
cmake --build "$build" --parallel "${FUZZ_JOBS:-$(nproc)}" --target "$target" | tail -n 1

# libFuzzer adds what it finds to the first corpus folder: work on a copy, so the checked-in
# seeds stay small and a run starts from them plus what earlier local runs found.
work="$build/corpus/$target"
findings="$build/findings/$target"
mkdir -p "$work" "$findings"
cp -n "$root/tests/fuzz/corpus/$target"/* "$work"/ 2>/dev/null || true
# The inputs that once crashed a reader start every run too: under the sanitizers here (the
# replay test runs them without), so undefined behaviour that comes back is reported at once.
cp -n "$root/tests/fuzz/regressions/$target"/* "$work"/ 2>/dev/null || true
dict=()
[ -f "$root/tests/fuzz/$target.dict" ] && dict=("-dict=$root/tests/fuzz/$target.dict")

echo "fuzz: running $target for $seconds s (corpus $work, findings in $findings)"
# Any sanitizer report is a finding; leaks too. -rss_limit_mb: a reader that wants more than
# 2 GB for one input has no ceiling. -timeout: one input taking over 10 s is a hang.
log="$build/fuzz-$target.log"
set +e
# shellcheck disable=SC2086
ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1:${ASAN_OPTIONS:-}" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    "$build/tests/fuzz/$target" "$work" -max_total_time="$seconds" -print_final_stats=1 \
    -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$findings/" "${dict[@]}" ${FUZZ_FLAGS:-} > "$log" 2>&1
status=$?
set -e
# The progress lines are many; keep the start, any report, and the final statistics.
grep -vE '^#[0-9]+\s+(NEW|REDUCE|pulse)|^(INFO|MS):|^\s*$|^\s*(NEW_FUNC|Base64)' "$log" | tail -n 60
found=$(find "$findings" -type f | wc -l)
echo "fuzz: $target finished (exit $status), $found finding(s) in $findings; full log $log"
[ "$status" -eq 0 ] && [ "$found" -eq 0 ]
