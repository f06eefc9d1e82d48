#!/bin/sh
# The transfer-learning experiment of issue 15, with one command:
#   1. train a backbone (seed-cnn) on Fashion-MNIST classes 0-4 (all 30,000 training images);
#   2. learn classes 5-9 from 20 training images per class: the backbone frozen, a new head after
#      its layer $CUT (feature extraction: the head trains on features computed once);
#   3. the same model trained from scratch on the same 100 images.
# Both are evaluated on every test image of classes 5-9 (5,000); the table gives accuracy and
# seconds of training (epochs, plus the features for 2).
#
# Usage: scripts/transfer_experiment.sh [BUILD_DIR]   (environment: DATA, EPOCHS_BACKBONE,
# EPOCHS, CUT, SEED). Runs under nice: it takes a few minutes on two busy cores.
set -eu
BUILD=${1:-build}
CLI="$BUILD/app/cli/convstudio-cli"
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
EPOCHS_BACKBONE=${EPOCHS_BACKBONE:-3}
EPOCHS=${EPOCHS:-40}
CUT=${CUT:-flatten}
SEED=${SEED:-1}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

run() { nice -n 15 "$CLI" train --data "$DATA" --val-split 0 --seed "$SEED" --quiet --json "$@"; }

echo "1/3 backbone: seed-cnn on classes 0-4, $EPOCHS_BACKBONE epochs" >&2
run --preset seed-cnn --classes 0-4 --epochs "$EPOCHS_BACKBONE" --out "$WORK/backbone.csmodel" >"$WORK/backbone.json"
echo "2/3 transfer: frozen backbone + new head after '$CUT', 20 images per class of 5-9" >&2
run --model "$WORK/backbone.csmodel" --classes 5-9 --per-class 20 --replace-head "$CUT" --epochs "$EPOCHS" \
    --lr 0.01 >"$WORK/transfer.json"
echo "3/3 scratch: the same model from random weights on the same 100 images" >&2
run --model "$WORK/backbone.csmodel" --classes 5-9 --per-class 20 --replace-head "$CUT" --from-scratch \
    --epochs "$EPOCHS" >"$WORK/scratch.json"

python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
def load(name):
    with open(f"{work}/{name}.json") as f:
        return json.load(f)
b, t, s = load("backbone"), load("transfer"), load("scratch")
print(f"backbone (classes 0-4, {b['train_samples']} images): test accuracy {b['test_accuracy']:.4f} "
      f"on {b['test_samples']} images, {b['training_seconds']:.1f} s")
print(f"{'classes 5-9, 20 images each':34} {'test accuracy':>14} {'training s':>11}  notes")
for name, r in (("frozen backbone + new head", t), ("same model from scratch", s)):
    note = ""
    if "feature_cache" in r:
        note = f"feature extraction at '{r['feature_cache']['layer']}' ({r['feature_cache']['seconds']:.2f} s of features)"
    print(f"{name:34} {r['test_accuracy']:>14.4f} {r['training_seconds']:>11.2f}  {note}")
print(f"(test: {t['test_samples']} images of classes 5-9)")
PY
