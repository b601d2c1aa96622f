#!/usr/bin/env python3
"""Python baselines for the engine's speed targets, run on the same synthetic article pairs.

- difflib two-level diff (the NewsEdits approach): SequenceMatcher over sentences, then over the
  words of each replaced sentence pair.
- diff-match-patch with semantic cleanup (the NewsDiffs approach): diff_main + diff_cleanupSemantic.

Install the one extra package first:   python3 -m pip install diff-match-patch
Usage:  python3 tests/engine-bench/baselines.py [--parallax target/release/parallax] [--words 2000 200000]
It asks `parallax bench --write-pair` for each pair, times the baselines (median of N runs),
times `parallax bench` on the same files, and prints the ratios.
"""
import argparse
import difflib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

try:
    from diff_match_patch import diff_match_patch
except ImportError:  # pragma: no cover - told to the user below
    diff_match_patch = None

SENT = re.compile(r"(?<=[.!?])\s+")


def sentences(text):
    out = []
    for para in re.split(r"\n\s*\n", text):
        out.extend(s for s in SENT.split(para.strip()) if s)
    return out


def difflib_two_level(old, new):
    a, b = sentences(old), sentences(new)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ops = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "replace":
            for x, y in zip(a[i1:i2], b[j1:j2]):
                ops.append(difflib.SequenceMatcher(None, x.split(), y.split(), autojunk=False).get_opcodes())
        ops.append((tag, i1, i2, j1, j2))
    return ops


def dmp_semantic(old, new):
    d = diff_match_patch()
    d.Diff_Timeout = 0  # no deadline: the full diff, as NewsDiffs renders it
    diffs = d.diff_main(old, new)
    d.diff_cleanupSemantic(diffs)
    return diffs


def median_time(fn, runs, *args):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn(*args)
        times.append((time.perf_counter() - t) * 1000.0)
    return statistics.median(times)


def _timed_child(conn, fn, runs, args):
    conn.send(median_time(fn, runs, *args))


def median_time_limited(fn, runs, limit_s, *args):
    """median_time in a child process, or None when it has not finished after limit_s seconds."""
    import multiprocessing
    parent, child = multiprocessing.Pipe(duplex=False)
    proc = multiprocessing.Process(target=_timed_child, args=(child, fn, runs, args))
    proc.start()
    got = parent.recv() if parent.poll(limit_s) else None
    proc.kill()
    proc.join()
    return got


def fmt(ms, limit_s, width):
    return f"{ms:>{width}.3f}" if ms is not None else f"{'>' + str(limit_s * 1000):>{width}}"


def ratio(ms, p, limit_s):
    return f"{ms / p:>8.1f}x" if ms is not None else f"{'>' + format(limit_s * 1000 / p, '.0f') + 'x':>9}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parallax", default=os.environ.get("PARALLAX", "target/release/parallax"))
    ap.add_argument("--words", type=int, nargs="+", default=[2000, 200000])
    ap.add_argument("--runs", type=int, default=0, help="runs per measurement (default: 30 small, 3 large)")
    ap.add_argument("--limit", type=float, default=120.0,
                    help="seconds one baseline measurement may take before it is reported as slower than that")
    args = ap.parse_args()
    if diff_match_patch is None:
        sys.exit("diff-match-patch is not installed: python3 -m pip install diff-match-patch")
    print(f"{'words':>8} {'parallax ms':>12} {'difflib ms':>11} {'dmp ms':>10} {'x difflib':>10} {'x dmp':>8}")
    for words in args.words:
        runs = args.runs or (30 if words <= 20000 else 3)
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([args.parallax, "bench", "--words", str(words), "--runs", "1", "--write-pair", tmp],
                           check=True, stdout=subprocess.DEVNULL)
            old = open(os.path.join(tmp, "old.txt"), encoding="utf-8").read()
            new = open(os.path.join(tmp, "new.txt"), encoding="utf-8").read()
            rust = json.loads(subprocess.run(
                [args.parallax, "bench", "--old", os.path.join(tmp, "old.txt"), "--new", os.path.join(tmp, "new.txt"),
                 "--runs", str(max(runs, 10)), "--json"], check=True, capture_output=True, text=True).stdout)
        p = rust["median_ms"]
        dl = median_time_limited(difflib_two_level, runs, args.limit, old, new)
        dm = median_time_limited(dmp_semantic, runs, args.limit, old, new)
        print(f"{words:>8} {p:>12.3f} {fmt(dl, args.limit, 11)} {fmt(dm, args.limit, 10)} "
              f"{ratio(dl, p, args.limit)} {ratio(dm, p, args.limit)}  (parallax peak {rust['peak_mib']} MiB)")


if __name__ == "__main__":
    main()
