"""Build kb/name_words.tsv.gz: the usual English spelling of name words, mined from Wikidata.

Why: persons the KB does not know are romanised (``tasks/entities/romanise.py``) by a scheme tuned on Arab names;
Western names come out badly letter by letter («مايكل فرومان» → Mayekal Farouman, «ترامب» → Taramib). Wikidata
pairs the Arabic and English labels of persons; Merhav & Ash (COLING 2018) aligned them word by word. Their file
``data/wd_arabic.normalized.aligned.tokens`` (repository steveash/NETransliteration-COLING2018, commit 5d5f59e;
the data keep Wikidata's licence, CC0 1.0) has one line per English word and Arabic spelling:
``english_word<TAB>arabic letters separated by spaces<TAB>count``.

What goes in (``build_rows``): the lines are grouped by the Arabic word keyed with ``tasks.text.normalize.normalize``
(the key ``romanise`` looks words up with); a key is kept only when

- its most frequent English spelling has at least ``MIN_SHARE`` (0.8) of the key's count and occurs at least
  ``MIN_COUNT`` (3) times: Arab names with many spellings (محمد: Mohamed, Muhammad, Mohammed …; خالد: Khaled,
  Khalid) fall out and keep the scheme, whose spellings the gold follows; ``مايكل`` → Michael (941 of 955) stays;
- that spelling is plain ASCII letters (``str.isalpha``), no accents, digits, apostrophes or hyphens;
- the key is at least ``MIN_LETTERS`` (3) Arabic letters (U+0621–U+064A) and does not start with the article
  «ال»: the scheme gives «الحريري» → Al-Hariri where the table would drop the Al-, and «الثاني» → Ii.

A second table, kb/person_words.tsv.gz (``build_person_rows``), counts how often each Arabic key is a word of a
Wikidata person's label, whatever its English spelling and with the article: recognition rules read it as "a word
persons are named with" («أشرف» 34, «طالب» 28, «سالم» 79), which the first table's spelling filter loses for Arab
names. Kept: keys of Arabic letters only, at least ``PERSON_MIN_COUNT`` (5) times.

The English word is written capitalised («Michael»). The output is gzip with mtime 0 and sorted rows, so a rebuild
from the same input is byte-identical; its header comment names the source, its SHA-256, the licence and the
thresholds. Run ``python -m tasks.build.name_words [TOKENS]`` with TOKENS the tokens file, or a git directory of
the repository (the file is read at ``SOURCE_COMMIT``); default: ``DEFAULT_SOURCE``.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from tasks.build import deterministic_gzip
from tasks.entities.romanise import NAME_WORDS_PATH, PERSON_WORDS_PATH
from tasks.text.normalize import normalize

SOURCE_REPO = "steveash/NETransliteration-COLING2018"
SOURCE_COMMIT = "5d5f59e561ecea45a6d3602121e1049baa7a76c3"
SOURCE_FILE = "data/wd_arabic.normalized.aligned.tokens"
LICENCE = "CC0 1.0 Universal (Wikidata; data/LICENSE of the source repository)"
DEFAULT_SOURCE = Path("/work/.mirror/steveash+NETransliteration-COLING2018/repo/.git")

MIN_SHARE = 0.8
"""The most frequent English spelling of an Arabic word must have at least this share of its count."""
MIN_COUNT = 3
"""… and occur at least this many times."""
MIN_LETTERS = 3
"""Shorter Arabic words («ري», «لي») are left to the scheme."""
PERSON_MIN_COUNT = 5
"""A key of the person-words table is a word of at least this many Wikidata person labels."""
ARTICLE = "ال"

_ARABIC_KEY = re.compile("^[\u0621-\u064a]+$")


def read_source(source: Path) -> str:
    """The tokens file's text: ``source`` itself, or ``SOURCE_FILE`` at ``SOURCE_COMMIT`` of a git directory."""
    if source.is_dir():
        blob = f"{SOURCE_COMMIT}:{SOURCE_FILE}"
        out = subprocess.run(["git", "--git-dir", str(source), "show", blob], capture_output=True, check=True)
        return out.stdout.decode("utf-8")
    return source.read_text(encoding="utf-8")


def spellings(lines: Iterable[str]) -> dict[str, Counter[str]]:
    """Arabic key → count of each English spelling, from the lines of the tokens file (malformed lines skipped)."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for line in lines:
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3 or not parts[2].isdigit():
            continue
        english, arabic, count = parts
        key = normalize("".join(arabic.split()))
        if key and english:
            table[key][english.lower()] += int(count)
    return table


def keep(key: str, counts: Counter[str]) -> str | None:
    """The English word of an Arabic key when it passes the filters of the module docstring, else None."""
    if len(key) < MIN_LETTERS or not _ARABIC_KEY.match(key) or key.startswith(ARTICLE):
        return None
    (english, n), total = counts.most_common(1)[0], sum(counts.values())
    # most_common breaks ties by first occurrence; a tie is below MIN_SHARE anyway (0.5 < 0.8)
    if n < MIN_COUNT or n < MIN_SHARE * total or not (english.isascii() and english.isalpha()):
        return None
    return english.capitalize()


def build_rows(lines: Iterable[str]) -> list[tuple[str, str]]:
    """Sorted (Arabic key, English word) rows from the lines of the tokens file."""
    rows = [(key, word) for key, counts in spellings(lines).items() if (word := keep(key, counts))]
    return sorted(rows)


def build_person_rows(lines: Iterable[str]) -> list[tuple[str, int]]:
    """Sorted (Arabic key, count of person-label words) rows from the lines of the tokens file."""
    rows = [(key, total) for key, counts in spellings(lines).items()
            if _ARABIC_KEY.match(key) and (total := sum(counts.values())) >= PERSON_MIN_COUNT]  # fmt: skip
    return sorted(rows)


def header(digest: str) -> list[str]:
    return [
        "# The usual English spelling of Arabic name words, for tasks/entities/romanise.py",
        "# built by python -m tasks.build.name_words (tasks/build/name_words.py: filters and why)",
        f"# source: github.com/{SOURCE_REPO} @ {SOURCE_COMMIT[:7]}, {SOURCE_FILE} (sha256 {digest[:16]})",
        "# (Wikidata person labels aligned word by word; Merhav & Ash, COLING 2018)",
        f"# licence: {LICENCE}",
        f"# kept: top English spelling share >= {MIN_SHARE}, count >= {MIN_COUNT}, ASCII letters only; "
        f"Arabic key (tasks.text.normalize) >= {MIN_LETTERS} letters, not starting with «{ARTICLE}»",
        "# columns: arabic_key<TAB>english",
    ]


def _write_table(path: Path, head: list[str], rows: list[tuple[str, str]]) -> int:
    """A header and sorted rows as gzip TSV (mtime 0: a rebuild is byte-identical); returns the number of rows."""
    body = "\n".join([*head, *("\t".join(row) for row in rows)]) + "\n"
    Path(path).write_bytes(deterministic_gzip(body))
    return len(rows)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_name_words(text: str, path: Path = NAME_WORDS_PATH) -> int:
    """Build from the tokens file's text and write the table (gzip, mtime 0); returns the number of rows."""
    return _write_table(path, header(_digest(text)), build_rows(text.splitlines()))


def write_person_words(text: str, path: Path = PERSON_WORDS_PATH) -> int:
    """Build the person-words table from the tokens file's text and write it (gzip, mtime 0); returns its rows."""
    head = [
        "# How many Wikidata person labels have each Arabic word, for the person rules of tasks/entities/resolve.py",
        "# built by python -m tasks.build.name_words (tasks/build/name_words.py: filters and why)",
        *header(_digest(text))[2:5],
        f"# kept: Arabic letters only (tasks.text.normalize key, the article kept), count >= {PERSON_MIN_COUNT}",
        "# columns: arabic_key<TAB>count",
    ]
    rows = [(key, str(n)) for key, n in build_person_rows(text.splitlines())]
    return _write_table(path, head, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, nargs="?", default=DEFAULT_SOURCE,
                        help=f"the tokens file, or a git directory of {SOURCE_REPO}")  # fmt: skip
    parser.add_argument("--out", type=Path, default=NAME_WORDS_PATH)
    parser.add_argument("--person-out", type=Path, default=PERSON_WORDS_PATH)
    args = parser.parse_args(argv)
    text = read_source(args.source)
    for path, n in ((args.out, write_name_words(text, args.out)),
                    (args.person_out, write_person_words(text, args.person_out))):  # fmt: skip
        print(f"{path}: {n} words, {path.stat().st_size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
