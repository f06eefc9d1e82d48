#!/usr/bin/env bash
# Runs the engine benchmark and the PyTorch reference on the same machine, one after the other,
# and prints the ratios against the targets of the engine-speed issue. PyTorch runs twice (as
# installed, and with OpenBLAS/OpenMP settings that suit this CPU); the faster figure counts.
#   tests/bench/compare.sh [--quick] [--isa avx2]   (build first: scripts/build.sh; needs
#                                         python3-torch: scripts/install-deps.sh)
# --isa avx2: the engine's AVX2 + FMA kernels (the portable build, CONVSTUDIO_ISA=avx2; built in
# build-portable when missing, or taken from CONVSTUDIO_PORTABLE_BUILD_DIR) against PyTorch
# restricted to AVX2 (ATEN_CPU_CAPABILITY=avx2 DNNL_MAX_CPU_ISA=AVX2), as most laptops run them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${CONVSTUDIO_BUILD_DIR:-$root/build}"
quick=()
isa=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=(--quick) ;;
    --isa) isa="${2:-}"; shift ;;
    *) echo "usage: compare.sh [--quick] [--isa avx2]" >&2; exit 2 ;;
  esac
  shift
done
# OpenBLAS's kernels for PyTorch's tuned run: SkylakeX's need AVX-512 (a CPU without it, such
# as AMD's Zen 3, takes Haswell's, the AVX2 + FMA ones).
coretype=Haswell
grep -qw avx512f /proc/cpuinfo && coretype=SkylakeX
if [ -n "$isa" ]; then
  [ "$isa" = avx2 ] || { echo "compare.sh: --isa takes avx2 (the default run is this CPU's best)" >&2; exit 2; }
  build="${CONVSTUDIO_PORTABLE_BUILD_DIR:-$root/build-portable}"
  if [ ! -x "$build/tests/bench/bench_engine" ] || [ ! -x "$build/tests/bench/bench_cores" ]; then
    echo "== building the portable configuration in $build"
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}"
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCONVSTUDIO_ISA=portable \
      -DCONVSTUDIO_BUILD_GUI=OFF > /dev/null
    nice -n 5 cmake --build "$build" --parallel 2 --target bench_engine bench_cores | tail -n 1
  fi
  export CONVSTUDIO_ISA=avx2 ATEN_CPU_CAPABILITY=avx2 DNNL_MAX_CPU_ISA=AVX2
  coretype=Haswell
  echo "instruction set: AVX2 + FMA (engine: $build, CONVSTUDIO_ISA=avx2; PyTorch: ATEN_CPU_CAPABILITY=avx2 DNNL_MAX_CPU_ISA=AVX2)"
fi
bench="$build/tests/bench/bench_engine"
[ -x "$bench" ] || { echo "compare.sh: $bench is missing; run scripts/build.sh first" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"; [ -n "${burner:-}" ] && kill "$burner" 2>/dev/null || true' EXIT

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# What the host lets two threads gain at most, before and after the engine's runs (bench_cores:
# a loop pinned to each CPU, alone and with all busy).
cores="$build/tests/bench/bench_cores"
[ -x "$cores" ] || cores=""
echo '{}' > "$tmp/cores_before.json"; echo '{}' > "$tmp/cores_after.json"
[ -n "$cores" ] && "$cores" --json > "$tmp/cores_before.json"
echo "== ConvStudio engine"
"$bench" --json "${quick[@]}" > "$tmp/engine.json"
[ -n "$cores" ] && "$cores" --json > "$tmp/cores_after.json"
"$bench" --json --epoch > "$tmp/epoch.json"
# Under load: another process keeps one core busy while we train with 2 threads.
( while :; do :; done ) & burner=$!
"$bench" --json "${quick[@]}" --train-only 64 2 > "$tmp/loaded.json"
kill "$burner"; burner=""

have_torch=0
if /usr/bin/python3 -c "import torch" 2>/dev/null; then
  have_torch=1
  echo "== PyTorch, as installed"
  /usr/bin/python3 "$root/tests/bench/torch_reference.py" "${quick[@]}" --max-load 99 > "$tmp/torch_default.json"
  echo "== PyTorch, OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1 OPENBLAS_CORETYPE=$coretype"
  OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1 OPENBLAS_CORETYPE=$coretype \
    /usr/bin/python3 "$root/tests/bench/torch_reference.py" "${quick[@]}" --max-load 99 > "$tmp/torch_tuned.json"
  ( while :; do :; done ) & burner=$!
  OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1 OPENBLAS_CORETYPE=$coretype \
    /usr/bin/python3 "$root/tests/bench/torch_reference.py" --quick --threads 2 --max-load 99 > "$tmp/torch_loaded.json"
  kill "$burner"; burner=""
else
  echo "(python3-torch is not installed: engine figures only; scripts/install-deps.sh installs it)"
fi

/usr/bin/python3 - "$tmp" "$have_torch" <<'PY'
import json, sys, os
tmp, have_torch = sys.argv[1], sys.argv[2] == "1"
e = json.load(open(os.path.join(tmp, "engine.json")))
ep = json.load(open(os.path.join(tmp, "epoch.json")))
loaded = json.load(open(os.path.join(tmp, "loaded.json")))["train_bs64_t2"]
t = {}
if have_torch:
    a = json.load(open(os.path.join(tmp, "torch_default.json")))
    b = json.load(open(os.path.join(tmp, "torch_tuned.json")))
    for k in a:
        if isinstance(a[k], (int, float)):
            better = min if k.startswith("latency") else max
            t[k] = better(a[k], b.get(k, a[k]))
    tl = json.load(open(os.path.join(tmp, "torch_loaded.json")))
print()
print(f"{'figure':32} {'engine':>12} {'pytorch':>12} {'ratio':>8}")
keys = [k for k in e if isinstance(e[k], (int, float)) and not isinstance(e[k], bool)]
for k in keys:
    tv = t.get(k)
    ratio = (tv / e[k] if k.startswith("latency") else e[k] / tv) if tv else None
    print(f"{k:32} {e[k]:12.1f} {tv if tv else float('nan'):12.1f} {ratio if ratio else float('nan'):8.2f}")
print(f"{'train_bs64_t2 under load':32} {loaded:12.1f} {tl['train_bs64_t2'] if have_torch else float('nan'):12.1f}")
print(f"epoch: {ep['epoch_samples']} samples in {ep['epoch_seconds']:.1f} s, peak RSS {ep['epoch_peak_rss_mb']} MB")
print("\ntargets:")
def check(name, ok, detail):
    print(f"  [{'met' if ok else 'MISSED'}] {name}: {detail}")
# The targets of the second speed issue: training >= 3x PyTorch at every batch size and thread
# count measured (each against PyTorch's best run of the same batch and threads), inference >= 5x.
if have_torch:
    def batch_threads(k):  # "train_bs64_t2" -> (64, 2)
        bs, th = k[len("train_bs"):].split("_t")
        return int(bs), int(th)
    for k in sorted((k for k in e if k.startswith("train_bs") and k in t), key=batch_threads):
        r = e[k] / t[k]
        check(f"training {k[6:]} >= 3x PyTorch", r >= 3, f"{r:.2f}x")
    ri = max(e["infer_bs256_t1"], e["infer_bs256_t2"]) / max(t["infer_bs256_t1"], t["infer_bs256_t2"])
    check("inference bs256 >= 5x PyTorch", ri >= 5, f"{ri:.2f}x")
check("single-image latency < 60 us", e["latency_median_us_t1"] < 60, f"{e['latency_median_us_t1']:.1f} us median")
# Two threads against one: the median of back-to-back pairs of runs (bench_engine's scaling; the
# main table's two figures were taken ten seconds apart, under whatever the host did meanwhile).
sc = e["scaling"]
s = sc["median_ratio"]
pairs = " ".join(f"{p['ratio']:.2f}" for p in sc["pairs"])
single = e["train_bs64_t2"] / e["train_bs64_t1"]
check("2 threads >= 1.85x 1 thread", s >= 1.85,
      f"{s:.2f}x median of {len(sc['pairs'])} rounds ({pairs}; the table's pair {single:.2f}x)")
# What the host allowed in the same rounds: two independent one-thread trainers side by side.
if "median_ceiling" in sc:
    ceil = " ".join(f"{p['ceiling']:.2f}" for p in sc["pairs"])
    print(f"        the host's ceiling (two 1-thread trainers side by side / 1 thread): "
          f"{sc['median_ceiling']:.2f}x median ({ceil}); the engine reached {s / sc['median_ceiling']:.2f} of it")
cb = json.load(open(os.path.join(tmp, "cores_before.json"))).get("bound")
ca = json.load(open(os.path.join(tmp, "cores_after.json"))).get("bound")
if cb and ca:
    print(f"        the host's bound (bench_cores, all CPUs busy over the fastest alone): {cb:.2f}x before the "
          f"engine's runs, {ca:.2f}x after")
u = loaded / e["train_bs64_t1"]
check("under load, 2 threads >= 0.8x quiet 1 thread", u >= 0.8, f"{u:.2f}x")
check("peak memory of a Fashion-MNIST epoch < 300 MB", ep["epoch_peak_rss_mb"] < 300, f"{ep['epoch_peak_rss_mb']} MB")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
