#!/usr/bin/env bash
# Per-layer convolution times (depthwise, grouped, dilated, separable) of the engine and of
# PyTorch on the same shapes, one thread each, side by side with the ratio PyTorch / engine
# (> 1: the engine is faster).
#   tests/bench/compare_conv_layers.sh [--quick]   (build bench_conv_layers first; needs python3-torch)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${CONVSTUDIO_BUILD_DIR:-$root/build}"
bench="$build/tests/bench/bench_conv_layers"
quick=()
[ "${1:-}" = "--quick" ] && quick=(--quick)
[ -x "$bench" ] || { echo "compare_conv_layers.sh: $bench is missing; build it first" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$bench" --json "${quick[@]}" > "$tmp/engine.json"
OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 "$root/tests/bench/torch_conv_layers.py" "${quick[@]}" > "$tmp/torch.json" 2>/dev/null
/usr/bin/python3 - "$tmp" <<'PY'
import json, os, sys
e = json.load(open(os.path.join(sys.argv[1], "engine.json")))
t = json.load(open(os.path.join(sys.argv[1], "torch.json")))
print(f"{'CPU ms per batch of 32':24} {'engine fw':>10} {'torch fw':>10} {'ratio':>6}   {'engine bw':>10} {'torch bw':>10} {'ratio':>6}")
for k, v in e.items():
    tv = t.get(k, {})
    ef, eb = v["forward_ms"], v["backward_ms"]
    tf, tb = tv.get("forward_ms", float("nan")), tv.get("backward_ms", float("nan"))
    print(f"{k:24} {ef:10.2f} {tf:10.2f} {tf / ef:6.2f}   {eb:10.2f} {tb:10.2f} {tb / eb:6.2f}")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
