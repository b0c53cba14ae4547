#!/usr/bin/env python3
"""The most-quoted speakers over many articles, as the library's index counts them.

Reads `rawi extract --format jsonl` output (stdin or a file) and prints the
N speakers with the most quotes, merged across articles by name, with their
kind and the number of articles they appear in. Used to measure how many of
the top entries over ../shared/snn are not speakers at all.

    target/release/rawi extract --format jsonl ../shared/snn/*.json | python3 eval/speakers_top.py -n 200
"""
import argparse
import collections
import json
import os
import re
import sys


def fold(w):
    """Roughly rawi's folding: no diacritics or tatweel, alef, yeh and teh
    marbuta variants merged."""
    w = re.sub("[\u064b-\u065f\u0670\u0640]", "", w)
    w = re.sub("[أإآٱ]", "ا", w)
    return w.replace("ى", "ي").replace("ة", "ه").lower()


def given_names():
    """The listed given names: alone, one is someone else in each article
    (the library's index does not merge them either)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "lexicon", "first_names.txt")
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                out.update(fold(w) for w in line.split())
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?")
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("--kind", help="only speakers of this kind (person, organization, ...)")
    args = ap.parse_args()
    quotes = collections.Counter()
    articles = collections.Counter()
    kinds = collections.defaultdict(collections.Counter)
    given = given_names()
    src = open(args.file, encoding="utf-8") if args.file else sys.stdin
    for number, line in enumerate(src):
        a = json.loads(line)
        speakers = a.get("speakers", [])
        seen = set()
        for q in a.get("quotes", []):
            s = q.get("speaker")
            if s is None or s >= len(speakers):
                continue
            sp = speakers[s]
            if args.kind and sp.get("kind") != args.kind:
                continue
            name = sp.get("name", "")
            if sp.get("kind") == "person" and " " not in name and fold(name) in given:
                name = "%s [article %d]" % (name, number)
            quotes[name] += 1
            kinds[name][sp.get("kind")] += 1
            if name not in seen:
                seen.add(name)
                articles[name] += 1
    for rank, (name, n) in enumerate(quotes.most_common(args.n), 1):
        kind = kinds[name].most_common(1)[0][0]
        print("%3d\t%5d\t%4d\t%-12s\t%s" % (rank, n, articles[name], kind, name))


if __name__ == "__main__":
    main()
