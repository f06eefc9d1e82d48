#!/usr/bin/env bash
# Is the studio as fast as the CLI (issue 17)? Trains seed-cnn on the installed Fashion-MNIST
# (batch 64, 2 threads, 1 epoch) with the engine's session alone, as `convstudio-cli train`
# does, and in the whole studio started with its Train button (the Training page shown, then the
# Inspect page with live feature maps, then neither), interleaved, and prints the table, the ratios and a JSON line.
#   tests/bench/studio_speed.sh [--samples N] [--runs R]      (default: all 60,000 images, 3 runs)
# Build first: ninja -C build bench_studio. Run it on a quiet machine; the load average is printed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${CONVSTUDIO_BUILD_DIR:-$root/build}"
bench="$build/tests/bench/bench_studio"
[ -x "$bench" ] || { echo "studio_speed.sh: $bench is missing; build the bench_studio target first" >&2; exit 1; }
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
QT_QPA_PLATFORM=offscreen "$bench" "$@" 2> >(grep -v XDG_RUNTIME_DIR >&2) | tee "$out"
/usr/bin/python3 - "$out" <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
if "studio_vs_engine" in r:
    ok = r["studio_vs_engine"] >= 0.9
    print(f"\n[{'met' if ok else 'MISSED'}] the studio (live views on) reaches >= 90% of the engine's samples/s: "
          f"{100 * r['studio_vs_engine']:.1f}% (CPU time {100 * r.get('studio_cpu_vs_engine', float('nan')):.1f}% of the engine's)")
if "inspect_vs_engine" in r:
    print(f"       the Inspect page shown (feature maps drawn live): {100 * r['inspect_vs_engine']:.1f}%")
if "hidden_vs_engine" in r:
    print(f"       live views hidden: {100 * r['hidden_vs_engine']:.1f}% of the engine's samples/s")
PY
