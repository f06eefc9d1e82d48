#!/usr/bin/env python3
"""Crash-safety trials: kill -9 at random moments, then check what is left.

Training: `convstudio-cli train --out M --checkpoint C` on a tiny dataset is killed at a random
moment (often inside a save: a checkpoint is written after every epoch). Then
  1. every file that exists loads (`convstudio-cli summary --model`);
  2. the run goes on: `train --resume C` when C exists, else the run starts again;
  3. no temporary file (`*.tmp-XXXXXX`) of M or C is left after that save/load;
  4. the final M's weights are bit-identical to an uninterrupted run's.
Studio project save: `project_save_loop save P` (the studio's ProjectController::writeProject
in a loop) is killed at a random moment; P, when it exists, opens as the studio opens it and
holds one of the two projects saved, and that open removes the abandoned temporary.

    tests/reliability/kill9_trials.py --cli build/app/cli/convstudio-cli \
        [--saver build/tests/project_save_loop] [--trials 30] [--save-trials 30]
Exits 1 when any trial fails; prints one line per trial and a summary.
"""

import argparse
import glob
import json
import os
import random
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zlib


def idx_folder(folder, count=128, seed=3):
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    images = struct.pack(">IIII", 0x803, count, 28, 28) + rng.randbytes(count * 784)
    labels = struct.pack(">II", 0x801, count) + bytes(rng.randrange(4) for _ in range(count))
    for name, data in (("train-images-idx3-ubyte", images), ("train-labels-idx1-ubyte", labels)):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)


def weights(path):
    """name -> raw float32 bytes of every tensor of a .csmodel."""
    data = open(path, "rb").read()
    if data[:8] != b"CSMODEL\0" or struct.unpack("<I", data[-4:])[0] != zlib.crc32(data[:-4]) & 0xFFFFFFFF:
        raise ValueError(f"{path}: not an intact model file")
    (length,) = struct.unpack_from("<Q", data, 12)
    doc = json.loads(data[20:20 + length])
    start = 20 + length
    return {t["name"]: data[start + 4 * t["offset"]:start + 4 * (t["offset"] + t["count"])] for t in doc["tensors"]}


def wait_for(stream, marker):
    """Reads the process's output until `marker` appears (or the output ends)."""
    seen = b""
    while marker not in seen:
        chunk = stream.read1(4096)
        if not chunk:
            return
        seen = seen[-256:] + chunk


def temporaries(folder):
    return sorted(os.path.basename(p) for p in glob.glob(os.path.join(folder, "*.tmp-*")))


def run(argv, timeout=120):
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout)


def train_argv(cli, data, folder, epochs):
    return [cli, "train", "--preset", "mlp", "--data", data, "--epochs", str(epochs), "--batch", "32", "--seed", "7",
            "--threads", "1", "--val-split", "0", "--quiet", "--out", os.path.join(folder, "M.csmodel"),
            "--checkpoint", os.path.join(folder, "C.csmodel")]


def training_trials(cli, work, trials, epochs, rng):
    data = os.path.join(work, "data")
    idx_folder(data)
    ref_dir = os.path.join(work, "reference")
    os.makedirs(ref_dir)
    started = time.monotonic()
    r = run(train_argv(cli, data, ref_dir, epochs))
    duration = time.monotonic() - started
    if r.returncode != 0:
        sys.exit(f"the uninterrupted run failed:\n{r.stderr}")
    reference = weights(os.path.join(ref_dir, "M.csmodel"))
    print(f"training: uninterrupted run of {epochs} epochs takes {duration:.2f} s; {len(reference)} tensors")

    failures = 0
    during_save = 0
    for trial in range(trials):
        folder = os.path.join(work, f"trial-{trial}")
        os.makedirs(folder)
        # Line-buffered stdout (stdbuf execs the CLI), so the final accuracy line arrives before the save.
        argv = ["stdbuf", "-oL"] + [a for a in train_argv(cli, data, folder, epochs) if a != "--quiet"]
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        # Two in three trials aim at a save: a checkpoint is written right after each "Epoch k/N"
        # line, the model right after the final accuracy line; the others kill at any moment.
        if trial % 3 != 2:
            k = rng.randrange(1, epochs + 2)
            marker = f"Epoch {k}/{epochs}".encode() if k <= epochs else b"Training accuracy"
            delay = rng.uniform(0.0, 0.004)
            moment = f"{delay * 1000:.1f} ms after '{marker.decode().strip()}'"
            wait_for(proc.stdout, marker)
        else:
            delay = rng.uniform(0.0, duration)
            moment = f"at {delay:.2f} s"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        left = temporaries(folder)
        during_save += bool(left)
        problems = []
        existing = [n for n in ("M.csmodel", "C.csmodel") if os.path.exists(os.path.join(folder, n))]
        for name in existing:
            s = run([cli, "summary", "--model", os.path.join(folder, name)])
            if s.returncode != 0:
                problems.append(f"{name} does not load: {s.stderr.strip()}")
        ckpt = os.path.join(folder, "C.csmodel")
        if os.path.exists(ckpt):
            how = "resumed"
            go = run([cli, "train", "--resume", ckpt, "--data", data, "--quiet", "--out", os.path.join(folder, "M.csmodel")])
        else:
            how = "restarted"
            go = run(train_argv(cli, data, folder, epochs))
        if go.returncode != 0:
            problems.append(f"{how} run failed: {go.stderr.strip()}")
        after = temporaries(folder)
        if after:
            problems.append(f"temporaries survive the next save/load: {after}")
        if go.returncode == 0:
            final = weights(os.path.join(folder, "M.csmodel"))
            if final.keys() != reference.keys() or any(final[k] != reference[k] for k in reference):
                differ = [k for k in reference if final.get(k) != reference[k]]
                problems.append(f"weights differ from the uninterrupted run's: {differ[:3]}")
        failures += bool(problems)
        print(f"  trial {trial + 1:2}: killed {moment}, files {existing or 'none'}, temporaries {left or 'none'}"
              f", {how}: {'FAIL ' + '; '.join(problems) if problems else 'ok'}")
        if not problems:
            shutil.rmtree(folder)
    print(f"training: {trials - failures} of {trials} trials passed; {during_save} killed during a save "
          "(a temporary file was left)")
    return failures


def save_trials(saver, work, trials, rng):
    failures = 0
    during_save = 0
    for trial in range(trials):
        folder = os.path.join(work, f"save-{trial}")
        os.makedirs(folder)
        path = os.path.join(folder, "project.csmodel")
        proc = subprocess.Popen([saver, "save", path], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        proc.stdout.readline()  # the first save is done: the loop runs
        delay = rng.uniform(0.0, 0.5)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        left = temporaries(folder)
        during_save += bool(left)
        problems = []
        check = run([saver, "check", path])
        if check.returncode != 0:
            problems.append(f"does not open: {check.stderr.strip()}")
        after = temporaries(folder)
        if after:
            problems.append(f"temporaries survive the open: {after}")
        failures += bool(problems)
        print(f"  save {trial + 1:2}: killed {delay:.2f} s in, temporaries {left or 'none'}, "
              f"{check.stdout.strip() or '-'}: {'FAIL ' + '; '.join(problems) if problems else 'ok'}")
        if not problems:
            shutil.rmtree(folder)
    print(f"project save: {trials - failures} of {trials} trials passed; {during_save} killed during a save")
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--saver", help="the project_save_loop test binary (studio project save trials)")
    ap.add_argument("--trials", type=int, default=30)
    ap.add_argument("--save-trials", type=int, default=30)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--seed", type=int, default=None, help="random seed of the kill moments (default: random)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    print(f"kill -9 trials, seed {seed}")
    work = tempfile.mkdtemp(prefix="convstudio-kill9-")
    failures = 0
    try:
        failures = training_trials(os.path.abspath(args.cli), work, args.trials, args.epochs, rng)
        if args.saver:
            failures += save_trials(os.path.abspath(args.saver), work, args.save_trials, rng)
    finally:
        if args.keep or failures:
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("PASS" if not failures else f"FAIL: {failures} trial(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
