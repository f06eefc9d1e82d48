#!/usr/bin/env bash
# Installs what is missing, builds, and starts the studio on the default model (seed-cnn)
# and dataset (Fashion-MNIST, or the built-in dataset when it is absent).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
build="${CONVSTUDIO_BUILD_DIR:-$root/build}"
if [ -x "$build/app/convstudio" ]; then
  exec "$build/app/convstudio" "$@"
fi
# Without the studio, train the default model from the command line.
data=/usr/share/datasets/fashion-mnist
exec "$build/app/cli/convstudio-cli" train --preset seed-cnn --data "$data" --epochs 5 --batch 64 "$@"
