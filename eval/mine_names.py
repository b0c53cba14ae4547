#!/usr/bin/env python3
"""Candidate Arabic given names from SaudiNewsNet, for assets/lexicon/first_names.txt.

Two frames where a word is a given name: either side of بن/بنت (`X بن Y`), and
between a title (الدكتور، المهندس، الشيخ، اللواء …) and a definite family name or
بن. Prints words not yet listed, most frequent first, with their count in each
frame. The output is a list to read, not to paste: homographs (مساعد "assistant",
تركي "Turkish", عيد "feast") must be struck by hand.

    python3 eval/mine_names.py --shared ../shared --min 12
"""
import argparse
import collections
import glob
import json
import os
import re

TOKEN = re.compile(r"[\u0621-\u064A\u0640\u064B-\u0652]+|[^\s\w]")
MARKS = re.compile(r"[\u064B-\u0652\u0640]")


def fold(w):
    w = MARKS.sub("", w)
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ة", "ه")):
        w = w.replace(a, b)
    return w


TITLES = {fold(w) for w in "الدكتور الدكتورة المهندس الأستاذ الأستاذة الشيخ اللواء العميد العقيد المقدم الرائد النقيب الفريق".split()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--min", type=int, default=12)
    args = ap.parse_args()
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "lexicon", "first_names.txt")
    listed = set()
    for line in open(here, encoding="utf-8"):
        listed |= {fold(w) for w in line.split("#")[0].split()}
    bin_, title, spelled = collections.Counter(), collections.Counter(), {}
    for path in sorted(glob.glob(os.path.join(args.shared, "snn", "*.json"))):
        for a in json.load(open(path, encoding="utf-8")):
            ws = TOKEN.findall(a.get("content") or "")
            fw = [fold(w) for w in ws]
            for i in range(1, len(ws) - 1):
                if fw[i] in ("بن", "بنت"):
                    for j in (i - 1, i + 1):
                        if not fw[j].startswith("ال") and len(fw[j]) >= 2 and re.match("[\u0621-\u064A]", fw[j]):
                            bin_[fw[j]] += 1
                            spelled.setdefault(fw[j], ws[j])
                if fw[i - 1] in TITLES and (fw[i + 1].startswith("ال") or fw[i + 1] in ("بن", "بنت")):
                    w = fw[i]
                    if not w.startswith("ال") and len(w) >= 2 and re.match("[\u0621-\u064A]", w):
                        title[w] += 1
                        spelled.setdefault(w, ws[i])
    total = bin_ + title
    for w, n in total.most_common():
        if n < args.min:
            break
        if w not in listed:
            print(n, bin_[w], title[w], spelled[w])


if __name__ == "__main__":
    main()
