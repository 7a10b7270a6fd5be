"""Build a benchmark corpus of N articles from the TE3-silver news documents.

Usage: python bench/make_corpus.py SILVER_DIR OUT_DIR --articles 10000

Writes OUT_DIR/partNNN/ folders of at most 1,000 `.txt` articles, each with a `metadata.csv`
sidecar (published, title, source). Article i is silver document i mod D; every pass over the
documents shifts the publish date by another 97 days, so the chronology spans years and
copies of one text resolve their relative dates differently. The corpus is derived from
evaluation data: keep it outside the repository (bench/out/ is git-ignored).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from pathlib import Path

from timeml import read_corpus

SHIFT_DAYS_PER_PASS = 97
PER_FOLDER = 1000


def outlet(name: str) -> str:
    """The wire service a Gigaword document id starts with (APW, NYT, AFP, XIN, ...)."""
    letters = "".join(ch for ch in name if ch.isalpha())
    return letters[:3].upper() or "unknown"


def build(silver: Path, out: Path, articles: int) -> int:
    docs = sorted(read_corpus([silver]), key=lambda d: d.name)
    if not docs:
        raise SystemExit(f"error: {silver}: no .tml documents")
    written = 0
    for part_start in range(0, articles, PER_FOLDER):
        folder = out / f"part{part_start // PER_FOLDER:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        rows = []
        for i in range(part_start, min(part_start + PER_FOLDER, articles)):
            doc = docs[i % len(docs)]
            published = doc.dct + dt.timedelta(days=SHIFT_DAYS_PER_PASS * (i // len(docs)))
            name = f"{i:06d}_{doc.path.stem}.txt"
            text = doc.text.strip() + "\n"
            (folder / name).write_text(text, encoding="utf-8")
            title = text.split("\n", 1)[0][:120]
            rows.append([name, published.isoformat(), title, outlet(doc.path.stem)])
            written += len(text.encode("utf-8"))
        with (folder / "metadata.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["file_name", "published", "title", "source"])
            writer.writerows(rows)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("silver", type=Path, help="path of ../shared/benchmarks/tempeval3/silver")
    parser.add_argument("out", type=Path, help="output folder (outside the repository, or bench/out/)")
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args(argv)
    size = build(args.silver, args.out, args.articles)
    print(f"{args.articles} articles, {size / 1e6:.1f} MB of text in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
