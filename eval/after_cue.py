#!/usr/bin/env python3
"""The first word after common Arabic reporting verbs over SaudiNewsNet, counted.

Prints the N most frequent words that follow قال، أكد، أوضح، أشار، أضاف، ذكر، أفاد،
رأى، اعتبر، توقع، بين، كشف، أعلن، صرح، لفت، شدد، تابع (with و/ف, some feminine forms),
each with the lexicon list it is in ("-" for none) and one example. The inventory
behind the counts in the headers of assets/lexicon/*.txt.

    python3 eval/after_cue.py --shared ../shared -n 400
"""
import argparse
import collections
import glob
import json
import os
import re

TOKEN = re.compile(r"[\u0621-\u064A\u0640\u064B-\u0652]+|[^\s\w]")
MARKS = re.compile(r"[\u064B-\u0652\u0640]")
LISTS = "roles organizations states groups honorifics role_modifiers np_stops ar_not_subjects first_names ar_quantifiers anonymous"


def fold(w):
    w = MARKS.sub("", w)
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ة", "ه")):
        w = w.replace(a, b)
    return w


VERBS = {fold(v) for v in "قال قالت أكد أكدت أوضح أوضحت أشار أشارت أضاف أضافت ذكر ذكرت أفاد أفادت يرى ترى رأى اعتبر توقع بين كشف كشفت أعلن أعلنت صرح صرحت لفت شدد تابع".split()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("-n", type=int, default=300)
    args = ap.parse_args()
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "lexicon")
    lists = {}
    for name in LISTS.split():
        words = set()
        for line in open(os.path.join(here, name + ".txt"), encoding="utf-8"):
            words |= {fold(w.lstrip("!")) for w in line.split("#")[0].split()}
        lists[name] = words
    counts, example = collections.Counter(), {}
    for path in sorted(glob.glob(os.path.join(args.shared, "snn", "*.json"))):
        for a in json.load(open(path, encoding="utf-8")):
            ws = TOKEN.findall(a.get("content") or "")
            for i in range(len(ws) - 1):
                w = fold(ws[i])
                if w[:1] in "وف" and w[1:] in VERBS:
                    w = w[1:]
                if w in VERBS:
                    n = fold(ws[i + 1])
                    counts[n] += 1
                    example.setdefault(n, " ".join(ws[max(0, i - 2) : i + 6]))
    for w, n in counts.most_common(args.n):
        bare = w[2:] if w.startswith("ال") else w
        where = next((k for k, s in lists.items() if w in s or bare in s), "-")
        print(n, w, where, "|", example[w][:80])


if __name__ == "__main__":
    main()
