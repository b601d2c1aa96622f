#!/usr/bin/env python3
"""Builds the real-accounts eval JSONL from the extraction benchmark's hand-made article bodies.

The sentence text is third-party, so the repo keeps only `gold.json` (page ids, sentence counts, a short
hash of every sentence and the hand-drawn links by index); this script re-creates the records from
`../shared/eval-data/extraction/ground-truth.json`. The split rule below is deliberately simple and
independent of Parallax's segmenter, so the gold does not move when the engine does.

Usage:
  python3 tests/real-accounts/build.py [--ground-truth PATH] [--gold PATH] [--output OUT.jsonl]
  python3 tests/real-accounts/build.py --list PAIR_ID     # numbered sentences of one pair, for drawing links
  python3 tests/real-accounts/build.py --check            # verify hashes and counts only; exit 1 on drift
  python3 tests/real-accounts/build.py --record-hashes    # fill counts and hashes of pairs that have none yet
A sentence hash or count that no longer matches gold.json is reported and the run fails (exit 1), so a
change of the source text or of the split rule cannot silently shift the indices the links refer to.
"""
import argparse
import hashlib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# Like tests/engine-eval.sh: the eval data sit beside the repo in ../shared, unless EVAL_DATA says where.
EVAL_DATA = os.environ.get("EVAL_DATA", os.path.join(REPO, "..", "shared", "eval-data"))
DEFAULT_GROUND_TRUTH = os.path.join(EVAL_DATA, "extraction", "ground-truth.json")
DEFAULT_GOLD = os.path.join(HERE, "gold.json")

# Words that end with a full stop without ending the sentence. Kept short on purpose: the rule must be
# easy to state in the README and stable, not clever. Compared case-sensitively, without the final dot.
ABBREVIATIONS = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt",
    "Jr", "Sr", "No", "vs", "etc", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
}

# A candidate boundary: a run of sentence-final marks, optionally closed by quotes or a bracket, then
# whitespace, then something that can open a sentence (a capital, a digit, an opening quote or bracket).
BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]*[A-Z0-9À-ÖØ-Þ])")


def normalise(text):
    """NFC and single spaces: the form that is hashed and written, so invisible spacing cannot drift."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def is_abbreviation(paragraph, dot):
    """Whether the full stop at `dot` closes an abbreviation rather than a sentence.

    Listed titles and months, a single capital (an initial such as "J."), and dotted forms with an inner
    dot ("U.S.", "P.D.", "a.m.") do not end a sentence; a dotted form at a true sentence end is then
    merged with the next sentence, which the README states as a known limit of the rule.
    """
    if paragraph[dot] != ".":
        return False
    word = re.search(r"(\S+)$", paragraph[:dot])
    if not word:
        return False
    token = word.group(1).lstrip("\"'“‘([")
    return token in ABBREVIATIONS or re.fullmatch(r"[A-Z]", token) is not None or "." in token


def split_paragraph(paragraph):
    """Splits one paragraph at every boundary that does not close an abbreviation."""
    sentences, start = [], 0
    for match in BOUNDARY.finditer(paragraph):
        if is_abbreviation(paragraph, match.start()):
            continue
        sentences.append(paragraph[start:match.end()])
        start = match.end()
    sentences.append(paragraph[start:])
    return [s for s in (normalise(s) for s in sentences) if s]


def split_body(body):
    """Paragraphs are the body's lines (the ground truth puts one paragraph per line); then sentences."""
    return [s for line in body.splitlines() for s in split_paragraph(line)]


def sentence_hash(sentence):
    """First 12 hex digits of the SHA-256 of the normalised sentence: enough to detect drift, no text."""
    return hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:12]


def find_page(pages, page_id):
    """The ground truth keys pages by a 64-hex id; gold.json stores the full id."""
    if page_id not in pages:
        raise SystemExit(f"page {page_id} is not in the ground truth: is the path right?")
    return pages[page_id]


def drift(side, pair, sentences):
    """Describes how one side's sentences differ from what gold.json recorded, or None when they match."""
    expected_hashes = pair[f"{side}_hashes"]
    actual = [sentence_hash(s) for s in sentences]
    if actual == expected_hashes and len(actual) == pair[f"{side}_count"]:
        return None
    if len(actual) != pair[f"{side}_count"] or len(actual) != len(expected_hashes):
        return f"{side}: {len(actual)} sentences, gold.json has {pair[f'{side}_count']}"
    first = next(i for i, (a, e) in enumerate(zip(actual, expected_hashes)) if a != e)
    return f"{side}: sentence {first} hashes to {actual[first]}, gold.json has {expected_hashes[first]}"


def out_of_range(pair):
    """Links that point past either side's sentence count: a typo in gold.json, reported like drift."""
    links = pair["gold_pairs"] + pair["maybe_pairs"] + [c[:2] for c in pair["conflicts"]]
    bad = [link for link in links if not (0 <= link[0] < pair["a_count"] and 0 <= link[1] < pair["b_count"])]
    return [f"link {link} is outside {pair['a_count']} x {pair['b_count']} sentences" for link in bad]


def build_record(pair, pages):
    """One eval record in the real-accounts-dev.jsonl format, plus any drift found on either side."""
    a = split_body(find_page(pages, pair["a_page"])["articleBody"])
    b = split_body(find_page(pages, pair["b_page"])["articleBody"])
    problems = [p for p in (drift("a", pair, a), drift("b", pair, b)) if p] + out_of_range(pair)
    record = {
        "id": pair["id"],
        "a_sentences": a,
        "b_sentences": b,
        "gold_pairs": pair["gold_pairs"],
        "maybe_pairs": pair["maybe_pairs"],
        "conflicts": pair["conflicts"],
        "meta": {
            "a_url": pages[pair["a_page"]]["url"],
            "b_url": pages[pair["b_page"]]["url"],
            "a_page": pair["a_page"],
            "b_page": pair["b_page"],
        },
    }
    return record, problems


def list_pair(pair, pages):
    """Prints both sides numbered, for a person drawing the links (never written into the repo)."""
    for side in ("a", "b"):
        page = find_page(pages, pair[f"{side}_page"])
        print(f"== {side}: {page['url']}")
        for i, s in enumerate(split_body(page["articleBody"])):
            print(f"{side}{i:>3}  {s}")


def record_hashes(gold, pages, path):
    """Fills counts and hashes for pairs added without them; a pair that has hashes is never rewritten,
    because its links were drawn against exactly those sentences."""
    for pair in gold["pairs"]:
        if pair.get("a_hashes"):
            continue
        for side in ("a", "b"):
            sentences = split_body(find_page(pages, pair[f"{side}_page"])["articleBody"])
            pair[f"{side}_count"] = len(sentences)
            pair[f"{side}_hashes"] = [sentence_hash(s) for s in sentences]
    write_gold(gold, path)


def write_gold(gold, path):
    """One field a line, each list on one line, so a link change reads as a one-line diff."""
    lines = []
    for pair in gold["pairs"]:
        fields = [f'  "{k}": {json.dumps(v, ensure_ascii=False)}' for k, v in pair.items()]
        lines.append("  {\n" + ",\n".join("  " + f for f in fields) + "\n  }")
    head = {k: v for k, v in gold.items() if k != "pairs"}
    prefix = "".join(f' "{k}": {json.dumps(v, ensure_ascii=False)},\n' for k, v in head.items())
    with open(path, "w", encoding="utf-8") as f:
        f.write("{\n" + prefix + ' "pairs": [\n' + ",\n".join(lines) + "\n ]\n}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ground-truth", default=DEFAULT_GROUND_TRUTH)
    ap.add_argument("--gold", default=DEFAULT_GOLD)
    ap.add_argument("--output", help="write the JSONL here instead of stdout")
    ap.add_argument("--list", metavar="PAIR_ID", help="print one pair's numbered sentences and stop")
    ap.add_argument("--check", action="store_true", help="only verify hashes and counts")
    ap.add_argument("--record-hashes", action="store_true", help="fill counts and hashes of new pairs")
    args = ap.parse_args()
    with open(args.ground_truth, encoding="utf-8") as f:
        pages = json.load(f)
    with open(args.gold, encoding="utf-8") as f:
        gold = json.load(f)
    if args.record_hashes:
        record_hashes(gold, pages, args.gold)
        return
    if args.list:
        list_pair(next(p for p in gold["pairs"] if p["id"] == args.list), pages)
        return
    built = [build_record(pair, pages) for pair in gold["pairs"]]
    problems = [f"{rec['id']}: {p}" for rec, ps in built for p in ps]
    for p in problems:
        print(f"drift: {p}", file=sys.stderr)
    if problems:
        sys.exit(1)
    if args.check:
        print(f"ok: {len(built)} pairs match gold.json", file=sys.stderr)
        return
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    for rec, _ in built:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if args.output:
        out.close()


if __name__ == "__main__":
    main()
