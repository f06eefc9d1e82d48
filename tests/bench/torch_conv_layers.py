#!/usr/bin/python3
"""PyTorch figures for ConvStudio's per-layer convolution benchmark (bench_conv_layers).

The same layers on the same shapes (batch 32, channels-first, one intra-op thread): forward and
backward (input and parameter gradients) milliseconds of this thread's CPU time per batch, the
median of repeated runs.
Prints one JSON object on stdout: {"dw3x3_32x48x48_s1": {"forward_ms": ..., "backward_ms": ...}, ...}

  /usr/bin/python3 tests/bench/torch_conv_layers.py [--quick] [--batch N] [--threads N]
"""

import argparse
import json
import statistics
import sys
import time

import torch
from torch import nn

# name: (module factory, channels, size[, input gradient]); keep in step with
# bench_conv_layers.cpp's shapes(). A first layer computes no input gradient.
SHAPES = {
    "dw3x3_32x48x48_s1": (lambda: nn.Conv2d(32, 32, 3, 1, 1, groups=32), 32, 48),
    "dw3x3_32x48x48_s2": (lambda: nn.Conv2d(32, 32, 3, 2, 1, groups=32), 32, 48),
    "dw3x3_96x24x24_s1": (lambda: nn.Conv2d(96, 96, 3, 1, 1, groups=96), 96, 24),
    "dw3x3_96x24x24_s2": (lambda: nn.Conv2d(96, 96, 3, 2, 1, groups=96), 96, 24),
    "dw3x3_144x12x12_s1": (lambda: nn.Conv2d(144, 144, 3, 1, 1, groups=144), 144, 12),
    "dw5x5_144x12x12_s1": (lambda: nn.Conv2d(144, 144, 5, 1, 2, groups=144), 144, 12),
    "conv3x3_g4_64x24x24": (lambda: nn.Conv2d(64, 64, 3, 1, 1, groups=4), 64, 24),
    "conv3x3_d2_32x24x24": (lambda: nn.Conv2d(32, 32, 3, 1, 2, dilation=2), 32, 24),
    # Dense 3x3 convolutions of the seed-cnn and fashion-strong presets (the Winograd path).
    "conv3x3_32to64x13x13_valid": (lambda: nn.Conv2d(32, 64, 3, 1, 0), 32, 13),
    "conv3x3_32x28x28": (lambda: nn.Conv2d(32, 32, 3, 1, 1), 32, 28),
    "conv3x3_64x14x14": (lambda: nn.Conv2d(64, 64, 3, 1, 1), 64, 14),
    # seed-cnn's first convolution (direct, no input gradient) and its last (3x3 output).
    "conv3x3_1to32x28x28_first": (lambda: nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU()), 1, 28, False),
    "conv3x3_64to64x5x5_valid": (lambda: nn.Sequential(nn.Conv2d(64, 64, 3), nn.ReLU()), 64, 5),
    "sep3x3_32to64x24x24": (
        lambda: nn.Sequential(nn.Conv2d(32, 32, 3, 1, 1, groups=32, bias=False), nn.Conv2d(32, 64, 1)),
        32,
        24,
    ),
}


def measure(make, channels, size, batch, reps, input_gradient=True):
    torch.manual_seed(1)
    layer = make()
    x = torch.rand(batch, channels, size, size) * 2 - 1
    x.requires_grad_(input_gradient)
    fw, bw = [], []
    for r in range(reps + 3):  # 3 warm-up runs
        layer.zero_grad()
        x.grad = None
        t0 = time.thread_time()
        y = layer(x)
        t1 = time.thread_time()
        dy = torch.ones_like(y)
        t2 = time.thread_time()
        y.backward(dy)
        t3 = time.thread_time()
        if r >= 3:
            fw.append((t1 - t0) * 1e3)
            bw.append((t3 - t2) * 1e3)
    return statistics.median(fw), statistics.median(bw)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    out = {}
    for name, (make, channels, size, *input_gradient) in SHAPES.items():
        f, b = measure(make, channels, size, args.batch, 5 if args.quick else 20, *input_gradient)
        out[name] = {"forward_ms": f, "backward_ms": b}
        print(f"{name:24} {f:10.3f} {b:10.3f}", file=sys.stderr, flush=True)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
