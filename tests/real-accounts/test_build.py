#!/usr/bin/env python3
"""Tests of build.py: the split rule on fictional text, and that gold.json still matches the source.

The last test is the drift alarm: if the ground truth or the split rule changes, the indices in gold.json
no longer name the sentences the links were drawn on, and this fails instead of scoring the wrong pairs.
Run: python3 tests/real-accounts/test_build.py   (EVAL_DATA=/path/to/eval-data when ../shared is elsewhere)
"""
import copy
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build  # noqa: E402


class SplitRule(unittest.TestCase):
    def test_splits_at_a_full_stop_before_a_capital(self):
        self.assertEqual(build.split_paragraph("The ferry left at noon. It reached Osterby late."),
                         ["The ferry left at noon.", "It reached Osterby late."])

    def test_titles_initials_and_dotted_forms_do_not_end_a_sentence(self):
        # "Dr." and "J." are followed by capitals but close no sentence; neither does "U.S." here.
        text = "Dr. Ilse J. Marren spoke. The U.S. Coast Guard said 3.5 tonnes were aboard at 6 a.m. on Friday."
        self.assertEqual(build.split_paragraph(text),
                         ["Dr. Ilse J. Marren spoke.",
                          "The U.S. Coast Guard said 3.5 tonnes were aboard at 6 a.m. on Friday."])

    def test_a_closing_quote_stays_with_its_sentence(self):
        self.assertEqual(build.split_paragraph('"We are safe." The mayor left. "Go home!" she said.'),
                         ['"We are safe."', "The mayor left.", '"Go home!" she said.'])

    def test_a_lowercase_continuation_is_not_a_boundary(self):
        self.assertEqual(build.split_paragraph("Prices rose 2.1 per cent. in March, officials said."),
                         ["Prices rose 2.1 per cent. in March, officials said."])

    def test_lines_are_paragraphs_and_blank_ones_vanish(self):
        self.assertEqual(build.split_body("First line.\n\n  Second   line.  \n"),
                         ["First line.", "Second line."])

    def test_hash_ignores_spacing_but_not_words(self):
        same = build.split_paragraph("A  quiet\u00a0town.")[0]
        self.assertEqual(build.sentence_hash(same), build.sentence_hash("A quiet town."))
        self.assertNotEqual(build.sentence_hash("A quiet town."), build.sentence_hash("A loud town."))


def load_gold():
    with open(build.DEFAULT_GOLD, encoding="utf-8") as f:
        return json.load(f)


class GoldMatchesSource(unittest.TestCase):
    def setUp(self):
        if not os.path.exists(build.DEFAULT_GROUND_TRUTH):
            self.skipTest(f"no ground truth at {build.DEFAULT_GROUND_TRUTH}")
        with open(build.DEFAULT_GROUND_TRUTH, encoding="utf-8") as f:
            self.pages = json.load(f)

    def test_every_pair_builds_without_drift(self):
        for pair in load_gold()["pairs"]:
            record, problems = build.build_record(pair, self.pages)
            self.assertEqual(problems, [], pair["id"])
            self.assertEqual(len(record["a_sentences"]), pair["a_count"])

    def test_a_changed_sentence_is_reported(self):
        pair = copy.deepcopy(load_gold()["pairs"][0])
        pair["b_hashes"][3] = "000000000000"
        _, problems = build.build_record(pair, self.pages)
        self.assertEqual(problems, ["b: sentence 3 hashes to %s, gold.json has 000000000000"
                                    % load_gold()["pairs"][0]["b_hashes"][3]])

    def test_a_link_past_the_end_is_reported(self):
        pair = copy.deepcopy(load_gold()["pairs"][0])
        pair["gold_pairs"].append([pair["a_count"], 0])
        _, problems = build.build_record(pair, self.pages)
        self.assertEqual(len(problems), 1)
        self.assertIn("outside", problems[0])

    def test_gold_and_maybe_links_do_not_overlap(self):
        for pair in load_gold()["pairs"]:
            gold = {tuple(p) for p in pair["gold_pairs"]}
            self.assertFalse(gold & {tuple(p) for p in pair["maybe_pairs"]}, pair["id"])
            for i, j, _ in pair["conflicts"]:
                self.assertIn((i, j), gold, f"{pair['id']}: a conflict must be a gold link")


if __name__ == "__main__":
    unittest.main()
