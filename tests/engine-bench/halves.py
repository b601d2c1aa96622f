#!/usr/bin/env python3
"""Scores the engine on the odd- and even-numbered records of an eval file separately.

Tuning on one half and reading the score on the other shows whether a parameter holds beyond
the records it was chosen on (the eval data are dev halves already; this is a check inside them).
Usage:  python3 tests/engine-bench/halves.py --parallax BIN --mode accounts ../shared/eval-data/aesop-dev.jsonl
Prints the scorer's lines for the odd records (1st, 3rd, ...) and for the even ones.
"""
import argparse
import os
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parallax", default="target/release/parallax")
    ap.add_argument("--mode", default="auto", choices=["auto", "revision", "accounts"])
    ap.add_argument("--scorer", help="score.py to use (default: the one beside FILE)")
    ap.add_argument("file")
    args = ap.parse_args()
    scorer = args.scorer or os.path.join(os.path.dirname(os.path.abspath(args.file)), "score.py")
    lines = [l for l in open(args.file, encoding="utf-8") if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        for name, rest in (("odd", 1), ("even", 0)):
            gold = os.path.join(tmp, f"{name}.jsonl")
            with open(gold, "w", encoding="utf-8") as f:
                f.writelines(l for n, l in enumerate(lines, 1) if n % 2 == rest)
            pred = os.path.join(tmp, f"{name}-pred.jsonl")
            with open(pred, "w", encoding="utf-8") as f:
                subprocess.run([args.parallax, "align", "--jsonl", gold, "--mode", args.mode], stdout=f, check=True)
            out = subprocess.run([sys.executable, scorer, gold, pred], capture_output=True, text=True, check=True)
            for line in out.stdout.splitlines():
                print(f"{name:4} {line}")


if __name__ == "__main__":
    main()
