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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parallax", default=os.environ.get("PARALLAX", "target/release/parallax"))
    ap.add_argument("--words", type=int, nargs="+", default=[2000, 200000])
    ap.add_argument("--runs", type=int, default=0, help="runs per measurement (default: 30 small, 3 large)")
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
        dl = median_time(difflib_two_level, runs, old, new)
        dm = median_time(dmp_semantic, runs, old, new)
        print(f"{words:>8} {p:>12.3f} {dl:>11.3f} {dm:>10.3f} {dl / p:>9.1f}x {dm / p:>7.1f}x  (parallax peak {rust['peak_mib']} MiB)")


if __name__ == "__main__":
    main()
