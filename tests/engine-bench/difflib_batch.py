#!/usr/bin/env python3
"""The two-level difflib pipeline over a JSONL corpus, in one Python process: the baseline that
`batch-vs-difflib.sh` times against `parallax batch` on the same records.

Per record {"id", "old", "new"}: split both texts into sentences (blank-line paragraphs, then a
full-stop regex), run difflib.ndiff over the sentence lists (ndiff pairs similar changed sentences:
a "- a" / "+ b" pair with "?" hint lines), then a word-level SequenceMatcher inside each pair.
Writes one line per record: {"id", "unchanged", "added", "removed", "paired", "word_ops"}.

Usage: python3 difflib_batch.py IN.jsonl OUT.jsonl [--limit N]
"""
import argparse
import difflib
import json
import re
import sys

SENT = re.compile(r"(?<=[.!?])\s+")
PARA = re.compile(r"\n\s*\n")


def sentences(text):
    out = []
    for para in PARA.split(text):
        out.extend(s for s in SENT.split(para.strip()) if s)
    return out


def compare(old, new):
    a, b = sentences(old), sentences(new)
    lines = list(difflib.ndiff(a, b))
    counts = {"unchanged": 0, "added": 0, "removed": 0, "paired": 0, "word_ops": 0}
    i = 0
    while i < len(lines):
        tag, text = lines[i][:2], lines[i][2:]
        if tag == "  ":
            counts["unchanged"] += 1
        elif tag == "- ":
            # A similar pair reads "- a", ["? hints"], "+ b", ["? hints"], with at least one hint line.
            j = i + 1
            hinted = j < len(lines) and lines[j].startswith("? ")
            j += hinted
            if j < len(lines) and lines[j].startswith("+ ") and (
                hinted or (j + 1 < len(lines) and lines[j + 1].startswith("? "))
            ):
                new_text = lines[j][2:]
                sm = difflib.SequenceMatcher(None, text.split(), new_text.split(), autojunk=False)
                counts["word_ops"] += sum(1 for op in sm.get_opcodes() if op[0] != "equal")
                counts["paired"] += 1
                i = j + 1
                if i < len(lines) and lines[i].startswith("? "):
                    i += 1
                continue
            counts["removed"] += 1
        elif tag == "+ ":
            counts["added"] += 1
        i += 1
    return counts


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--limit", type=int, default=0, help="stop after N records (0: all)")
    args = p.parse_args()
    n = 0
    with open(args.input, encoding="utf-8") as fin, open(args.output, "w", encoding="utf-8") as fout:
        for line in fin:
            if not line.strip():
                continue
            rec = json.loads(line)
            result = {"id": rec["id"], **compare(rec["old"], rec["new"])}
            fout.write(json.dumps(result) + "\n")
            n += 1
            if args.limit and n >= args.limit:
                break
    print(n, file=sys.stderr)


if __name__ == "__main__":
    main()
