#!/usr/bin/env bash
# Installs every Debian package ConvStudio needs to build, test and run. Idempotent: only
# missing packages are installed, so a second run on a ready machine does nothing.
# Every package a test uses is in the default set (scripts/check-test-deps.py checks that in CI):
# a test fails, naming the package, rather than skip. --bench adds what only the benchmarks use.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config clang-format git
  clang libclang-rt-14-dev
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev
  qt6-translations-l10n
  libopencv-dev libeigen3-dev nlohmann-json3-dev zlib1g-dev
  libonnx-dev libprotobuf-dev protobuf-compiler
  libbenchmark-dev
  dataset-fashion-mnist
  python3 python3-numpy python3-torch python3-torchvision python3-onnx python3-opencv
  xvfb xauth xdotool imagemagick gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  fonts-wqy-microhei
)

# Optional: what only the benchmarks use (perf, to profile the engine's kernels).
if [ "${1:-}" = "--bench" ]; then
  PACKAGES+=(linux-perf)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1
  fi
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
