#!/usr/bin/env python3
"""Runs convstudio-cli on every hostile input of corpus.py, each under a time and a memory limit.

A run passes when the CLI ends by itself (no signal: no crash; within the time limit: no hang),
its peak memory stays under the ceiling, and it either succeeds where the input is legitimately
fine or exits with code 1 and a message on stderr that names the file (or its folder). Prints
a table (class -> inputs, runs, errors, successes, wrong successes, wrong errors, internal errors
(an exception that escaped a thread, caught by the CLI's last resort), crashes, hangs, memory
overruns, bad exits, nameless messages, max RSS) and the failing runs; exits 1 on any crash, hang, memory overrun,
other exit code or nameless message (wrong successes are listed, and fail only with --strict).

    tests/hostile/run_hostile.py --cli build/app/cli/convstudio-cli [--quick] [--work DIR]
"""

import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402


def commands(case, base, idx, image):
    """The CLI runs for one case: (argv, expectation)."""
    p = case.path
    out = "@SCRATCH@/out.csmodel"  # each run's own folder
    control = case.klass == "control"
    either = "either" if control or case.expect == "either" else case.expect
    if case.kind == "dataset":
        return [(["dataset", "info", p], case.expect),
                (["train", "--model", base, "--data", p, "--epochs", "1", "--batch", "16", "--quiet", "--out", out],
                 either),
                (["evaluate", "--model", base, "--data", p], either)]
    if case.kind == "model":
        return [(["summary", "--model", p], case.expect),
                (["evaluate", "--model", p, "--data", idx], either),
                (["predict", "--model", p, image], either),
                (["train", "--model", p, "--data", idx, "--epochs", "1", "--quiet", "--out", out], either)]
    if case.kind == "checkpoint":
        return [(["summary", "--model", p], case.expect),
                (["train", "--resume", p, "--data", idx, "--quiet", "--out", out], either),
                (["evaluate", "--model", p, "--data", idx], either)]
    if case.kind == "onnx":
        return [(["import", p, "--out", out], case.expect)]
    if case.kind == "image":
        return [(["predict", "--model", base, p], case.expect)]
    raise ValueError(case.kind)


def run_once(cli, argv, seconds, memory_mb, scratch):
    """(exit code or -signal, hung, max RSS in MB, stderr text)."""
    def limits():
        limit = memory_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    err_path = os.path.join(scratch, "stderr")
    with open(err_path, "wb") as err, open(os.devnull, "wb") as null:
        proc = subprocess.Popen([cli] + argv, stdout=null, stderr=err, stdin=subprocess.DEVNULL, cwd=scratch,
                                preexec_fn=limits, start_new_session=True)
        hung = threading.Event()

        def kill():
            hung.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(seconds, kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
    with open(err_path, "rb") as f:
        text = f.read().decode("utf-8", "replace")
    return proc.returncode, hung.is_set(), usage.ru_maxrss / 1024.0, text


def judge(case, expect, code, hung, rss, stderr, memory_ceiling_mb):
    if hung:
        return "hang"
    if code < 0:
        return "crash"
    if rss >= memory_ceiling_mb:
        return "memory"
    if code == 0:
        return "wrong success" if expect == "error" else "success"
    if code != 1:
        return "bad exit"
    if not stderr.strip():
        return "nameless"
    names = case.accepted_names()
    if not any(n in stderr for n in names):
        return "nameless"
    if "internal error" in stderr:
        return "internal"  # escaped a thread, caught only by the CLI's last-resort handler
    return "error" if expect != "ok" else "wrong error"


def make_bases(cli, root, seconds):
    """A tiny trained model, its checkpoint (with best weights) and its ONNX export."""
    idx = os.path.join(root, "base-idx")
    corpus.write_idx_folder(idx, corpus.idx_images(64, seed=11), corpus.idx_labels(64, seed=11))
    model, ckpt, onnx = (os.path.join(root, n) for n in ("base.csmodel", "base.ckpt.csmodel", "base.onnx"))
    steps = [["train", "--preset", "mlp", "--data", idx, "--epochs", "3", "--val-split", "0.25", "--early-stopping",
              "5", "--quiet", "--out", model, "--checkpoint", ckpt],
             ["export", "--model", model, "--format", "onnx", "--out", onnx]]
    for argv in steps:
        r = subprocess.run([cli] + argv, capture_output=True, text=True, timeout=seconds * 6)
        if r.returncode != 0:
            sys.exit(f"cannot make the base files: convstudio-cli {' '.join(argv)}\n{r.stderr}")
    image = os.path.join(root, "digit.png")
    corpus.write(image, corpus.png(28, 28))
    return model, ckpt, onnx, idx, image


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--work", help="folder for the corpus (default: a temporary one, removed after)")
    ap.add_argument("--quick", action="store_true", help="fewer variants per class (CI)")
    ap.add_argument("--seconds", type=float, default=20, help="time limit per run")
    ap.add_argument("--memory-mb", type=int, default=2048, help="address-space limit per run (ulimit -v)")
    ap.add_argument("--ceiling-mb", type=int, default=1024, help="peak RSS a run must stay under")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", help="run only the classes whose name contains this")
    ap.add_argument("--strict", action="store_true", help="wrong successes fail the run too")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    cli = os.path.abspath(args.cli)

    work = args.work or tempfile.mkdtemp(prefix="convstudio-hostile-")
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(work)
    started = time.monotonic()
    try:
        base, ckpt, onnx, idx, image = make_bases(cli, work, args.seconds)
        cases = corpus.build(os.path.join(work, "corpus"), base, ckpt, onnx, args.quick)
        if args.only:
            cases = [c for c in cases if args.only in c.klass]
        runs = []
        for case in cases:
            for argv, expect in commands(case, base, os.path.join(work, "corpus", "ok-idx"), image):
                runs.append((case, argv, expect))

        def one(item):
            n, (case, argv, expect) = item
            scratch = os.path.join(work, "scratch", str(n))
            os.makedirs(scratch, exist_ok=True)
            argv = [a.replace("@SCRATCH@", scratch) for a in argv]
            code, hung, rss, stderr = run_once(cli, argv, args.seconds, args.memory_mb, scratch)
            shutil.rmtree(scratch, ignore_errors=True)
            return case, argv, expect, code, hung, rss, stderr, judge(case, expect, code, hung, rss, stderr,
                                                                     args.ceiling_mb)

        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(one, enumerate(runs)))
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)

    fatal = {"crash", "hang", "memory", "bad exit", "nameless"} | ({"wrong success"} if args.strict else set())
    table = defaultdict(lambda: defaultdict(int))
    inputs = defaultdict(set)
    rss = defaultdict(float)
    failures = []
    for case, argv, expect, code, hung, peak, stderr, verdict in results:
        row = table[case.klass]
        row[verdict] += 1
        row["runs"] += 1
        inputs[case.klass].add(case.path)
        rss[case.klass] = max(rss[case.klass], peak)
        if verdict in fatal or verdict in ("wrong success", "wrong error", "internal") or args.verbose:
            first = stderr.strip().splitlines()[0] if stderr.strip() else "(no message)"
            failures.append(f"  {verdict:13} {' '.join(['convstudio-cli'] + argv)}\n"
                            f"                exit {code}, {peak:.0f} MB: {first[:300]}")

    cols = ["runs", "error", "success", "wrong success", "wrong error", "internal", "crash", "hang", "memory",
            "bad exit", "nameless"]
    head = f"{'class':20} {'inputs':>6} " + " ".join(f"{c:>8.8}" for c in cols) + f" {'max RSS':>8}"
    print(head)
    print("-" * len(head))
    order = list(dict.fromkeys(c.klass for c, *_ in results))
    totals = defaultdict(int)
    for klass in order:
        row = table[klass]
        for c in cols:
            totals[c] += row[c]
        print(f"{klass:20} {len(inputs[klass]):>6} " + " ".join(f"{row[c]:>8}" for c in cols) +
              f" {rss[klass]:>6.0f}MB")
    print("-" * len(head))
    print(f"{'total':20} {sum(len(v) for v in inputs.values()):>6} " + " ".join(f"{totals[c]:>8}" for c in cols) +
          f" {max(rss.values(), default=0):>6.0f}MB")
    print(f"\n{len(results)} runs in {time.monotonic() - started:.0f} s "
          f"(limits: {args.seconds:g} s, address space {args.memory_mb} MB, RSS ceiling {args.ceiling_mb} MB)")
    if failures:
        print("\nRuns to look at:")
        print("\n".join(failures))
    bad = sum(totals[c] for c in fatal)
    print(f"\n{'FAIL' if bad else 'PASS'}: {bad} run(s) crashed, hung, overran memory, exited oddly or gave a "
          "message naming no file" + (" or succeeded wrongly" if args.strict else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
