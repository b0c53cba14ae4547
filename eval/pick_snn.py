#!/usr/bin/env python3
"""Pick fresh SaudiNewsNet articles for a first-run evaluation set.

Draws N articles at random (fixed seed, so the draw can be repeated) among
those of 1,200-7,000 characters whose text holds at least two reporting
cues, one outlet at most once, skipping every url already named by a gold
file under eval/sets/. Prints one url per line; nothing is written.

    python3 eval/pick_snn.py --seed 11 -n 6 [--shared ../shared]
"""
import argparse
import glob
import json
import os
import random
import re

CUES = re.compile(r"(?:^|\s)[وف]?(?:قال|قالت|أكد|أكدت|أوضح|أوضحت|أشار|أشارت|أضاف|أضافت|مؤكدا|مشيرا|مضيفا)(?=\s)")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("-n", type=int, default=6)
    args = ap.parse_args()
    used = set()
    for g in glob.glob(os.path.join(here, "sets", "*", "*.gold.json")):
        with open(g, encoding="utf-8") as f:
            used.add(json.load(f).get("source_url"))
    pool = []
    for f in sorted(glob.glob(os.path.join(args.shared, "snn", "*.json"))):
        with open(f, encoding="utf-8") as fh:
            for r in json.load(fh):
                c = r["content"]
                if r["url"] in used or not 1200 <= len(c) <= 7000:
                    continue
                if len(CUES.findall(c)) >= 2:
                    pool.append((r["source"], r["url"]))
    random.Random(args.seed).shuffle(pool)
    seen = set()
    for source, url in pool:
        if source in seen:
            continue
        seen.add(source)
        print(url)
        if len(seen) == args.n:
            break


if __name__ == "__main__":
    main()
