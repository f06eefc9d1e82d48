#!/usr/bin/python3
"""PyTorch reference figures for ConvStudio's speed benchmark.

Builds the reference CNN in PyTorch and measures, with 1 and 2 intra-op threads:
  - training samples/s at batch 32, 64 and 128 (forward, loss, backward, Adam step),
  - inference samples/s at batch 256,
  - single-image inference latency (median and p90 of 1,000 runs, microseconds),
then prints one JSON object on stdout (progress goes to stderr), e.g.
  {"train_bs64_t2": 1234.5, "infer_bs256_t1": ..., "latency_median_us_t1": ..., "meta": {...}}

The model (28x28x1 input, channels-first as in the engine):
  Conv2d(1,32,3)+ReLU -> MaxPool2 -> Conv2d(32,64,3)+ReLU -> MaxPool2 -> Conv2d(64,64,3)+ReLU
  -> Flatten -> Linear(576,64)+ReLU -> Linear(64,10), softmax folded into CrossEntropyLoss;
  Glorot-uniform weights, zero biases, Adam(lr=1e-3, eps=1e-7).
Data: Fashion-MNIST from the gz IDX files (scaled to [0, 1]); random data of the same shape when
the files or numpy are missing (meta.data says which). Timed steps reuse the in-memory data, so
the figures measure compute, not file reading.

Run with Debian's interpreter and PyTorch (python3-torch):
  /usr/bin/python3 tests/bench/torch_reference.py [--quick] [--threads 1,2] [--out FILE]
Figures are only meaningful on an idle machine: the script records the load average before and
after and warns when it is above --max-load.
"""

import argparse
import gzip
import json
import os
import platform
import statistics
import struct
import sys
import time

import torch
from torch import nn

try:
    import numpy as np
except ImportError:  # the benchmark still runs, on random data
    np = None

DEFAULT_DATA_DIR = "/usr/share/datasets/fashion-mnist"
TRAIN_BATCHES = (32, 64, 128)
INFER_BATCH = 256


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def read_idx_images(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic, count, rows, cols = struct.unpack(">IIII", raw[:16])
    if magic != 0x803:
        raise ValueError(f"{path}: not an IDX image file (magic {magic:#x})")
    pixels = np.frombuffer(raw, dtype=np.uint8, offset=16)
    if pixels.size != count * rows * cols:
        raise ValueError(f"{path}: expected {count}x{rows}x{cols} pixels, found {pixels.size}")
    return pixels.reshape(count, 1, rows, cols)


def read_idx_labels(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic, count = struct.unpack(">II", raw[:8])
    if magic != 0x801:
        raise ValueError(f"{path}: not an IDX label file (magic {magic:#x})")
    labels = np.frombuffer(raw, dtype=np.uint8, offset=8)
    if labels.size != count:
        raise ValueError(f"{path}: expected {count} labels, found {labels.size}")
    return labels


def load_data(data_dir, generator):
    """Training images (N,1,28,28) float32 in [0,1], labels (N,) int64, and where they came from."""
    images_path = os.path.join(data_dir, "train-images-idx3-ubyte.gz")
    labels_path = os.path.join(data_dir, "train-labels-idx1-ubyte.gz")
    if np is not None and os.path.exists(images_path) and os.path.exists(labels_path):
        images = read_idx_images(images_path)
        labels = read_idx_labels(labels_path)
        x = torch.from_numpy(images.astype(np.float32) / 255.0)
        y = torch.from_numpy(labels.astype(np.int64))
        return x, y, "fashion-mnist"
    reason = "numpy is missing" if np is None else f"no IDX files in {data_dir}"
    log(f"torch_reference: {reason}; using random data of the same shape")
    x = torch.rand(60000, 1, 28, 28, generator=generator)
    y = torch.randint(0, 10, (60000,), generator=generator)
    return x, y, "random"


def make_model():
    model = nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(64, 64, 3), nn.ReLU(),
        nn.Flatten(),
        nn.Linear(576, 64), nn.ReLU(),
        nn.Linear(64, 10),
    )
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            # Same fans as Keras's glorot_uniform: in/out channels times the kernel area.
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    return model


def make_batches(x, y, batch, count, generator):
    """`count` batches of a shuffled copy of the data, as contiguous tensors made up front."""
    need = batch * count
    order = torch.randperm(x.shape[0], generator=generator)
    while order.numel() < need:
        order = torch.cat([order, torch.randperm(x.shape[0], generator=generator)])
    xs = x[order[:need]].contiguous()
    ys = y[order[:need]].contiguous()
    return [(xs[i * batch:(i + 1) * batch], ys[i * batch:(i + 1) * batch]) for i in range(count)]


def bench_train(x, y, batch, cfg, seed):
    torch.manual_seed(seed)
    model = make_model()
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(seed)
    steps = cfg["train_warmup"] + cfg["train_steps"]
    batches = make_batches(x, y, batch, steps, generator)

    def train_step(xb, yb):
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        return loss

    rates = []
    loss = None
    for _ in range(cfg["repeats"]):
        for xb, yb in batches[:cfg["train_warmup"]]:
            train_step(xb, yb)
        start = time.perf_counter()
        for xb, yb in batches[cfg["train_warmup"]:]:
            loss = train_step(xb, yb)
        elapsed = time.perf_counter() - start
        rates.append(cfg["train_steps"] * batch / elapsed)
    return statistics.median(rates), float(loss.item())


def bench_infer(x, cfg, seed):
    torch.manual_seed(seed)
    model = make_model().eval()
    count = cfg["infer_warmup"] + cfg["infer_batches"]
    need = INFER_BATCH * count
    xs = x[:need].contiguous() if x.shape[0] >= need else x.repeat(need // x.shape[0] + 1, 1, 1, 1)[:need]
    batches = [xs[i * INFER_BATCH:(i + 1) * INFER_BATCH] for i in range(count)]
    rates = []
    with torch.inference_mode():
        for _ in range(cfg["repeats"]):
            for xb in batches[:cfg["infer_warmup"]]:
                model(xb)
            start = time.perf_counter()
            for xb in batches[cfg["infer_warmup"]:]:
                model(xb)
            elapsed = time.perf_counter() - start
            rates.append(cfg["infer_batches"] * INFER_BATCH / elapsed)
    return statistics.median(rates)


def bench_latency(x, cfg, seed):
    torch.manual_seed(seed)
    model = make_model().eval()
    images = [x[i:i + 1].contiguous() for i in range(64)]
    times_us = []
    with torch.inference_mode():
        for i in range(cfg["latency_warmup"]):
            model(images[i % len(images)])
        for i in range(cfg["latency_runs"]):
            xb = images[i % len(images)]
            start = time.perf_counter_ns()
            model(xb)
            times_us.append((time.perf_counter_ns() - start) / 1000.0)
    times_us.sort()
    p90 = times_us[min(len(times_us) - 1, int(0.9 * len(times_us)))]
    return statistics.median(times_us), p90


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a short functional run (few steps, 1 repeat)")
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts (default 1,2)")
    parser.add_argument("--data-dir", default=DEFAULT_DATA_DIR)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--max-load", type=float, default=2.5,
                        help="warn when the 1-minute load average is above this (default 2.5)")
    parser.add_argument("--out", help="also write the JSON object to this file")
    args = parser.parse_args()

    if args.quick:
        cfg = dict(train_warmup=2, train_steps=5, infer_warmup=1, infer_batches=3,
                   latency_warmup=10, latency_runs=100, repeats=1)
    else:
        cfg = dict(train_warmup=10, train_steps=50, infer_warmup=3, infer_batches=20,
                   latency_warmup=50, latency_runs=1000, repeats=5)
    threads = [int(t) for t in args.threads.split(",") if t.strip()]

    load_before = os.getloadavg()
    if load_before[0] > args.max_load:
        log(f"torch_reference: load average {load_before[0]:.2f} is above {args.max_load}; "
            "the figures will be low and noisy")

    x, y, source = load_data(args.data_dir, torch.Generator().manual_seed(args.seed))
    result = {}
    last_loss = {}
    started = time.perf_counter()
    for t in threads:
        torch.set_num_threads(t)
        for bs in TRAIN_BATCHES:
            rate, loss = bench_train(x, y, bs, cfg, args.seed)
            result[f"train_bs{bs}_t{t}"] = round(rate, 1)
            last_loss[f"bs{bs}_t{t}"] = round(loss, 4)
            log(f"threads {t}: train batch {bs}: {rate:.1f} samples/s (last loss {loss:.3f})")
        rate = bench_infer(x, cfg, args.seed)
        result[f"infer_bs{INFER_BATCH}_t{t}"] = round(rate, 1)
        log(f"threads {t}: inference batch {INFER_BATCH}: {rate:.1f} samples/s")
        median, p90 = bench_latency(x, cfg, args.seed)
        result[f"latency_median_us_t{t}"] = round(median, 1)
        result[f"latency_p90_us_t{t}"] = round(p90, 1)
        log(f"threads {t}: latency median {median:.1f} us, p90 {p90:.1f} us")

    result["meta"] = {
        "framework": "pytorch",
        "torch_version": torch.__version__,
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "data": source,
        "quick": args.quick,
        "threads": threads,
        "train_warmup_steps": cfg["train_warmup"],
        "train_timed_steps": cfg["train_steps"],
        "infer_timed_batches": cfg["infer_batches"],
        "latency_runs": cfg["latency_runs"],
        "repeats": cfg["repeats"],
        "last_train_loss": last_loss,
        "load_before": [round(v, 2) for v in load_before],
        "load_after": [round(v, 2) for v in os.getloadavg()],
        "seconds": round(time.perf_counter() - started, 1),
        "units": {"train": "samples/s", "infer": "samples/s", "latency": "microseconds"},
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
