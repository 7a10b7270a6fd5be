"""Coverage-guided fuzzing of ingest with atheris: any bytes, as any article form, must give Articles
and Problems, never an exception, and every cleaned offset must map back into the text as read.

Manual, not a test (atheris is not a test dependency): see bench/README.md.

    .venv/bin/pip install atheris
    .venv/bin/python bench/fuzz_ingest.py -max_total_time=300 -max_len=4096 bench/out/fuzz-corpus

A crash stops the run and writes the input to crash-<sha1>; replay it with
`.venv/bin/python bench/fuzz_ingest.py crash-<sha1>`.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from any folder
with atheris.instrument_imports(include=["chrono"]):
    import chrono.ingest.html  # noqa: F401 - imported lazily by ingest; here so it is instrumented too
    from chrono.errors import Problem
    from chrono.ingest import Article, FileTask, read_file

SUFFIXES = (".txt", ".md", ".jsonl", ".html")
WORK = Path(tempfile.mkdtemp(prefix="chrono-fuzz-"))


def check_article(article: Article) -> None:
    """The offset map every later stage relies on: each cleaned character is the raw one it maps to."""
    clean = article.clean
    assert len(clean.match_text) == len(clean.text)
    for offset, char in enumerate(clean.text):
        assert article.text[clean.to_raw(offset)] == char, (offset, char)


def one_input(data: bytes) -> None:
    """First byte: the form (suffix); the rest: the file's bytes."""
    if not data:
        return
    path = WORK / f"article{SUFFIXES[data[0] % len(SUFFIXES)]}"
    path.write_bytes(data[1:])
    for item in read_file(FileTask(path, path.name)):
        if isinstance(item, Article):
            check_article(item)
        else:
            assert isinstance(item, Problem) and "\n" not in str(item), item


def main() -> None:
    logging.disable(logging.CRITICAL)  # trafilatura and htmldate log every unparsable page
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
