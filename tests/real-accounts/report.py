#!/usr/bin/env python3
"""Per-pair report of the engine on the built real-accounts JSONL: scores, wrong and missed links, conflicts.

`../shared/eval-data/score.py` gives one figure over all pairs; this runs it on each pair alone (the same
rule: maybe-links are not counted against precision), lists the links that are neither gold nor maybe and the
gold links the engine missed, with the sentences, and says for each hand-marked number conflict whether the
engine's row names it (a `claims` entry of that facet with status `differs`, from `parallax batch --fields rows`).
The sentences are printed, never stored: they are third-party text.

Usage: python3 tests/real-accounts/report.py --parallax BIN [--mode auto] REAL.jsonl
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
EVAL_DATA = os.environ.get("EVAL_DATA", os.path.join(REPO, "..", "shared", "eval-data"))


def read_jsonl(path):
    """Records of a JSONL file; blank lines are not records (as in `parallax align`)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def align(parallax, gold_path, mode):
    """The engine's groups per record id, as `parallax align` prints them."""
    out = subprocess.run([parallax, "align", "--jsonl", gold_path, "--mode", mode],
                         capture_output=True, text=True, check=True)
    return {rec["id"]: rec for rec in map(json.loads, out.stdout.splitlines())}


def compared_rows(parallax, records, mode):
    """The engine's rows (with claims) per record id, from `batch` on the same pre-split sentences."""
    lines = "".join(json.dumps({"id": r["id"], "old_sentences": r["a_sentences"],
                                "new_sentences": r["b_sentences"]}) + "\n" for r in records)
    out = subprocess.run([parallax, "batch", "--jsonl", "-", "--threads", "1", "--fields", "rows",
                          "--mode", mode], input=lines, capture_output=True, text=True, check=True)
    return {rec["id"]: rec.get("rows", []) for rec in map(json.loads, out.stdout.splitlines())}


def official_score(gold, pred, tmp):
    """The shared scorer's pair line for one record alone."""
    g, p = os.path.join(tmp, "g.jsonl"), os.path.join(tmp, "p.jsonl")
    with open(g, "w", encoding="utf-8") as f:
        f.write(json.dumps(gold) + "\n")
    with open(p, "w", encoding="utf-8") as f:
        f.write(json.dumps(pred) + "\n")
    out = subprocess.run([sys.executable, os.path.join(EVAL_DATA, "score.py"), g, p],
                         capture_output=True, text=True, check=True)
    return next(line for line in out.stdout.splitlines() if line.startswith("pair"))


def pair_links(pred):
    """Sentence pairs a prediction's groups expand to: the unit the shared scorer's pair rule counts."""
    return {(i, j) for g in pred.get("pred_groups", []) for i in g["a"] for j in g["b"]}


def conflict_state(rows, i, j, facet):
    """`named`, `linked, not named` or `not linked`: what the reader of the compare view would see."""
    row = next((r for r in rows if i in r.get("left", []) and j in r.get("right", [])), None)
    if row is None:
        return "not linked"
    named = [c for c in row.get("claims", []) if c["facet"] == facet and c["status"] == "differs"]
    if named:
        return "named: " + "; ".join(f"{c.get('left')} -> {c.get('right')}" for c in named)
    return "linked, not named (claims: %s)" % json.dumps(row.get("claims", []), ensure_ascii=False)


def show(record, links, label):
    """Prints links with both sentences cut to a line, enough to judge them without opening the pages."""
    for i, j in sorted(links):
        print(f"  {label} a{i}-b{j}")
        print(f"      a: {record['a_sentences'][i][:160]}")
        print(f"      b: {record['b_sentences'][j][:160]}")


def report(record, pred, rows, tmp):
    """One pair's block: the official score, the maybe-links drawn, wrong and missed links, conflicts."""
    gold = {tuple(p) for p in record["gold_pairs"]}
    maybe = {tuple(p) for p in record["maybe_pairs"]} - gold
    predicted = pair_links(pred)
    print(f"== {record['id']} (mode {pred.get('mode')}): {official_score(record, pred, tmp)}"
          f"  maybe-links drawn={len(predicted & maybe)}")
    show(record, predicted - gold - maybe, "wrong ")
    show(record, gold - predicted, "missed")
    for i, j, facet in record["conflicts"]:
        print(f"  conflict a{i}-b{j} {facet}: {conflict_state(rows, i, j, facet)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parallax", required=True)
    ap.add_argument("--mode", default="auto", choices=["auto", "revision", "accounts"])
    ap.add_argument("file")
    args = ap.parse_args()
    records = read_jsonl(args.file)
    preds = align(args.parallax, args.file, args.mode)
    rows = compared_rows(args.parallax, records, args.mode)
    with tempfile.TemporaryDirectory() as tmp:
        for record in records:
            report(record, preds.get(record["id"], {}), rows.get(record["id"], []), tmp)


if __name__ == "__main__":
    main()
