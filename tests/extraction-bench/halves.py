#!/usr/bin/env python3
"""Scores Parallax's article extraction on the odd and even halves of the extraction dev pages.

Each page goes through the product path (`parallax import PAGE.html`), as in the eval data's
score.sh; the pages, sorted by name, are split into odd (1st, 3rd, ...) and even halves and each
half is scored with the benchmark's own scorer (evaluate.py, read from the eval folder). A change
to extraction is kept only when it helps both halves. Refused pages are listed with their message.
Usage:  python3 tests/extraction-bench/halves.py BIN [--eval ../shared/eval-data/extraction] [--worst N]
        python3 tests/extraction-bench/halves.py --predictions PRED.json   (from the extract_pages example)
"""
import argparse
import gzip
import importlib.util
import json
import os
import pathlib
import sqlite3
import subprocess
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("parallax", nargs="?", help="the parallax CLI (pages go through `parallax import`)")
    ap.add_argument("--predictions", help="score this {id: body} JSON (from the extract_pages example) instead")
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../..")
    default = next((d for d in (os.path.join(root, up, "shared/eval-data/extraction") for up in ("..", "../.."))
                    if os.path.isdir(d)), os.path.join(root, "../shared/eval-data/extraction"))
    ap.add_argument("--eval", default=default)
    ap.add_argument("--worst", type=int, default=0, help="also list the N pages with the lowest F1")
    ap.add_argument("--dump", help="write {id: body} predictions to this JSON file")
    args = ap.parse_args()
    here = pathlib.Path(args.eval).resolve()
    if not (here / "ground-truth.json").exists():
        raise SystemExit(f"no eval data at {here}: pass --eval DIR")
    spec = importlib.util.spec_from_file_location("evaluate", here / "evaluate.py")
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    gt = json.load(open(here / "ground-truth.json"))
    ids = sorted(p.name[: -len(".html.gz")] for p in (here / "html").glob("*.html.gz"))
    pred = {k: "" for k in gt}
    if args.predictions:
        pred.update(json.load(open(args.predictions)))
    elif not args.parallax:
        raise SystemExit("give the parallax binary or --predictions FILE")
    else:
        import_all(args.parallax, here, ids, pred)
    score(args, ev, gt, ids, pred)


def import_all(parallax, here, ids, pred):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / "pages").mkdir()
        paths = []
        for i in ids:
            page = tmp / "pages" / f"{i}.html"
            page.write_bytes(gzip.decompress((here / "html" / f"{i}.html.gz").read_bytes()))
            paths.append(page)
        for page in paths:
            r = subprocess.run([parallax, "import", str(page), "--data-dir", str(tmp / "lib")],
                               capture_output=True, text=True)
            if r.returncode != 0:
                print(f"refused: {page.stem}: {r.stderr.strip().splitlines()[-1] if r.stderr.strip() else r.returncode}")
        db = next(p for p in (tmp / "lib").rglob("*") if p.suffix in (".db", ".sqlite", ".sqlite3"))
        for ref, body in sqlite3.connect(db).execute("select source_ref, body from version"):
            k = pathlib.Path(ref or "").stem
            if k in pred:
                pred[k] = body


def score(args, ev, gt, ids, pred):
    if args.dump:
        json.dump(pred, open(args.dump, "w"), ensure_ascii=False, indent=1)
    scores = {}
    for name, rest in (("odd", 1), ("even", 0), ("all", None)):
        keys = [k for n, k in enumerate(ids, 1) if rest is None or n % 2 == rest]
        tfs = [ev.string_shingle_matching(true=gt[k].get("articleBody", ""), pred=pred[k]) for k in keys]
        m = ev.metrics_from_tp_fp_fns(tfs)
        print(f"{name:4} pages {len(keys):3}  F1 {m['f1']:.4f}  precision {m['precision']:.4f}  recall {m['recall']:.4f}")
        if rest is None:
            for k, (tp, fp, fn) in zip(keys, tfs):
                scores[k] = (2 * tp / (2 * tp + fp + fn) if tp else 0.0, tp / (tp + fp) if tp + fp else 1.0,
                             tp / (tp + fn) if tp + fn else 1.0)
    for k, (f, p, r) in sorted(scores.items(), key=lambda kv: kv[1][0])[: args.worst]:
        print(f"  {k[:12]}  F1 {f:.3f}  P {p:.3f}  R {r:.3f}")


if __name__ == "__main__":
    main()
