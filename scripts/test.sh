#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test with CTest (GUI tests run offscreen).
# Arguments go to ctest (for example -R test_layers, or --output-log FILE).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
# CONVSTUDIO_CMAKE_ARGS: extra configure arguments (CI sets -DCONVSTUDIO_WERROR=ON).
# shellcheck disable=SC2086
"$root/scripts/build.sh" ${CONVSTUDIO_CMAKE_ARGS:-}
build="${CONVSTUDIO_BUILD_DIR:-$root/build}"
export QT_QPA_PLATFORM=offscreen
cd "$build"
ctest --output-on-failure --timeout 900 -j "$(nproc)" "$@"
