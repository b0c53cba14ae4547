#!/usr/bin/env python3
"""Build the article texts of the evaluation sets from the shared corpora.

The gold files of eval/sets/*/ are ours; the article texts are not (the
SaudiNewsNet licence is CC BY-NC-SA, for research), so they are never
committed: each gold names its article by `source_url` (SaudiNewsNet) or
`readability` (a Mozilla Readability test page), and this script writes
NAME.txt beside NAME.gold.json from ../shared. The texts are gitignored.

    python3 eval/build.py [--shared ../shared] [SET_DIR ...]

SaudiNewsNet records become: title, blank line, the author field (when it
is not empty), blank line, then each non-empty line of `content` as a
paragraph, blank lines between, as ../shared/corpus's Arabic texts are.
Readability pages become: the metadata title, then the text of every block
element of expected.html (p, h1-h6, li, figcaption, blockquote, pre, td,
dt, dd), one paragraph each, as ../shared/corpus's English texts are.
Standard library only.
"""
import argparse
import glob
import html.parser
import json
import os
import re
import sys

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote",
          "pre", "td", "th", "dt", "dd", "div", "section", "article", "header", "footer",
          "ul", "ol", "figure", "table", "tr", "aside", "main", "nav", "br", "hr"}
SKIP = {"script", "style", "noscript", "template"}


class Blocks(html.parser.HTMLParser):
    """Collects the text of each block element, inline children joined."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self.buf, self.skip = [], [], 0

    def flush(self):
        text = re.sub(r"\s+", " ", "".join(self.buf)).strip()
        if text:
            self.paragraphs.append(text)
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.buf.append(data)


def readability_text(page_dir):
    with open(os.path.join(page_dir, "expected-metadata.json"), encoding="utf-8") as f:
        meta = json.load(f)
    parser = Blocks()
    with open(os.path.join(page_dir, "expected.html"), encoding="utf-8") as f:
        parser.feed(f.read())
    parser.close()
    parser.flush()
    paras = parser.paragraphs
    title = (meta.get("title") or "").strip()
    if title and paras and paras[0] == title:
        paras = paras[1:]
    return "\n\n".join([title] + paras) + "\n"


_snn = None


def snn_index(shared):
    global _snn
    if _snn is None:
        _snn = {}
        for f in sorted(glob.glob(os.path.join(shared, "snn", "*.json"))):
            with open(f, encoding="utf-8") as fh:
                for r in json.load(fh):
                    _snn.setdefault(r["url"], r)
    return _snn


def snn_text(record):
    parts = [record["title"].strip()]
    if record.get("author", "").strip():
        parts.append(record["author"].strip())
    parts += [line.strip() for line in record["content"].split("\n") if line.strip()]
    return "\n\n".join(parts) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("sets", nargs="*")
    args = ap.parse_args()
    sets = args.sets or sorted(glob.glob(os.path.join(here, "sets", "*")))
    missing = 0
    for d in sets:
        for gold_path in sorted(glob.glob(os.path.join(d, "*.gold.json"))):
            with open(gold_path, encoding="utf-8") as f:
                gold = json.load(f)
            if gold.get("readability"):
                text = readability_text(os.path.join(args.shared, "web", "readability-test-pages",
                                                     gold["readability"]))
            else:
                rec = snn_index(args.shared).get(gold.get("source_url"))
                if rec is None:
                    print("%s: no SaudiNewsNet record with that url" % gold_path, file=sys.stderr)
                    missing += 1
                    continue
                text = snn_text(rec)
            with open(gold_path[: -len(".gold.json")] + ".txt", "w", encoding="utf-8") as f:
                f.write(text)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
