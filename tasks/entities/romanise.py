"""A plain English spelling of an Arabic person name the knowledge base does not know.

Why: the guideline gives every person an English canonical, the KB's (English Wikipedia) spelling where it
knows the person, else a plain romanisation («معتز موسى» → Moutaz Mousa, «هند الصبيح» → Hind Al-Subaih). The
scheme is table-driven (``romanisation.toml`` beside this module, which documents it and why no package):
1. a word the table knows gets its usual English spelling («محمد» → Mohammed); particles stay lower case
   inside a name («بن» → bin), «آل» is «Al», the article «ال» gives «Al-» («العقيل» → Al-Aqil);
2. «عبد» and the name after it are one word («عبد العزيز», «عبدالله» → Abdulaziz, Abdullah);
3. a word of ``kb/name_words.tsv.gz`` gets the English spelling Wikidata's person labels give it almost always
   («مايكل» → Michael, «ترامب» → Trump, «تيموثي» → Timothy; Wikidata, CC0 1.0, word-aligned by Merhav & Ash,
   built by ``python -m tasks.build.name_words``, whose docstring gives the filters). It holds only words with
   one dominant spelling and no article, so Arab names spelt many ways (خالد: Khaled, Khalid) and «ال» words
   keep the scheme's spelling;
4. any other word is spelt letter by letter: consonants from [letters], long vowels from ا/و/ي/ى/ة, an
   «a» between two consonants (Arabic writes no short vowels) and an «i» in the فاعل pattern («خالد» →
   Khalid); Latin words and digits are kept.
The result is ASCII, one capitalised word per Arabic word, and the same for the same input (no state).
"""

from __future__ import annotations

import gzip
import re
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tasks.entities.kb import KB_DIR
from tasks.text.normalize import normalize

ROMANISATION_FILE = "romanisation.toml"
NAME_WORDS_PATH = KB_DIR / "name_words.tsv.gz"
PERSON_WORDS_PATH = KB_DIR / "person_words.tsv.gz"

_ALEFS = "اأإآٱ"
_LONG_VOWELS = _ALEFS + "وىية"
_HAMZA_SEATS = "ؤئء"
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")
_WORD = re.compile(r"[A-Za-z0-9]+|[\u0600-\u06FF]+")
_ABD = "عبد"
_ARTICLE = "ال"
_GOD = "الله"


@cache
def _tables() -> tuple[MappingProxyType[str, str], MappingProxyType[str, str], MappingProxyType[str, str]]:
    """letters, particles and names of romanisation.toml; particles and names keyed by ``normalize``."""
    text = resources.files("tasks.entities").joinpath(ROMANISATION_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    letters = MappingProxyType(dict(data["letters"]))
    particles = MappingProxyType({normalize(k): v for k, v in data["particles"].items()})
    names = MappingProxyType({normalize(k): v for k, v in data["names"].items()})
    return letters, particles, names


@cache
def _name_words() -> MappingProxyType[str, str]:
    """Arabic word key (``normalize``) → English spelling, from kb/name_words.tsv.gz (``#`` lines are its header)."""
    return MappingProxyType(dict(_table_rows(NAME_WORDS_PATH)))


def _table_rows(path: Path) -> list[tuple[str, str]]:
    """The (key, value) rows of a gzip TSV table of kb/ (``#`` lines are its header)."""
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    return [(key, value) for key, value in (line.split("\t") for line in text.splitlines()
                                            if line and not line.startswith("#"))]  # fmt: skip


@cache
def _person_words() -> MappingProxyType[str, int]:
    """Arabic word key → how many Wikidata person labels have it, from kb/person_words.tsv.gz."""
    return MappingProxyType({key: int(n) for key, n in _table_rows(PERSON_WORDS_PATH)})


def person_word_count(key: str) -> int:
    """How many Wikidata person labels have the normalised word (0 for a word they lack): «أشرف» 34, «طالب» 28."""
    return _person_words().get(key, 0)


def _is_consonant(ch: str | None) -> bool:
    return ch is not None and ch not in _LONG_VOWELS


def _spell(word: str) -> str:
    """A word letter by letter (lower case): consonants, long vowels, and the short vowels guessed."""
    letters = _tables()[0]
    out: list[str] = []
    n = len(word)
    for i, ch in enumerate(word):
        prev = word[i - 1] if i else None
        nxt = word[i + 1] if i + 1 < n else None
        if ch in _ALEFS:
            out.append("i" if ch == "إ" and i == 0 else "a")
        elif ch in "ىة":
            out.append("a")
        elif ch == "و":
            if i == 0 or (prev is not None and prev in _ALEFS) or (nxt is not None and nxt in _ALEFS + "ي"):
                out.append("w")
            else:
                out.append("ou" if nxt else "o")
        elif ch == "ي":
            if i == 0 or (nxt is not None and nxt in _ALEFS + "و"):
                out.append("y")
            elif i == 1 and prev == "إ":
                out.append("")  # «إيل» → Il: the alef carries the long i
            elif prev is not None and prev in _ALEFS:
                out.append("ye" if _is_consonant(nxt) and i > 1 else "y")  # «العايش» → Al-Ayesh, «أيمن»
            else:
                out.append("i")
        else:
            if ch == "غ" and prev == "ن" and i == n - 1:
                out.append("g")
                continue
            out.append("" if ch in _HAMZA_SEATS else letters.get(ch, ""))
            if ch == "ن" and nxt == "غ" and i == n - 2:
                continue  # «سونغ», «بينغ»: the ng of foreign names
            if _is_consonant(nxt):
                # «خالد» → Khalid (فاعل); elsewhere an «a» stands for the unwritten short vowel
                pattern = prev is not None and prev in _ALEFS and i == n - 2
                out.append("i" if pattern else "a")
    spelt = re.sub(r"a{2,}", "a", "".join(out))
    return re.sub(r"[^a-z]", "", spelt)


def _word(key: str, raw: str) -> str:
    """One name word (its normalised ``key`` for the tables, ``raw`` for the letters) as an English word."""
    _, particles, names = _tables()
    if key in names:
        return names[key]
    if key in particles:
        return particles[key]
    if key in _name_words():
        return _name_words()[key]
    if key.startswith(_ARTICLE) and len(key) > len(_ARTICLE) + 1:
        rest = raw[len(_ARTICLE) :]
        inner = names.get(key[len(_ARTICLE) :]) or _spell(rest).capitalize()
        return f"Al-{inner}" if inner else ""
    return _spell(raw).capitalize()


def _after_abd(key: str, raw: str) -> str:
    """The name after «عبد», lower case and without its article: «العزيز» → aziz, «الله» → lah."""
    if key == _GOD:
        return "lah"
    if key.startswith(_ARTICLE):
        key, raw = key[len(_ARTICLE) :], raw[len(_ARTICLE) :]
    names = _tables()[2]
    return (names.get(key) or _spell(raw)).lower()


def romanise(name: str) -> str:
    """The English spelling of an Arabic name («خالد العقيل» → "Khalid Al-Aqil"); "" when nothing in it can be
    spelt (the caller keeps the surface then)."""
    raws = [_DIACRITICS.sub("", w) for w in _WORD.findall(name)]
    raws = [w for w in raws if w]
    keys = [normalize(w) for w in raws]
    out: list[str] = []
    i = 0
    while i < len(raws):
        raw, key = raws[i], keys[i]
        if raw.isascii():
            out.append(raw)
        elif key == _ABD and i + 1 < len(raws) and not raws[i + 1].isascii():
            out.append("Abdul" + _after_abd(keys[i + 1], raws[i + 1]))  # «عبد العزيز» → Abdulaziz
            i += 1
        elif key.startswith(_ABD) and len(key) > len(_ABD) + 1:
            out.append("Abdul" + _after_abd(key[len(_ABD) :], raw[len(_ABD) :]))  # «عبدالله» → Abdullah
        else:
            out.append(_word(key, raw))
        i += 1
    joined = " ".join(w for w in out if w)
    return joined[:1].upper() + joined[1:]  # «بن محمد …» cut at its start still opens with a capital


def known_name_word(key: str) -> bool:
    """Is the normalised word a name word the romanisation tables know (a common given name, or a word of
    Wikidata's person labels)?"""
    return key in given_names() or key in _name_words()


@cache
def given_names() -> frozenset[str]:
    """The normalised name words of romanisation.toml's [names]: common given names («محمد», «سعيد»), which
    alone name nobody in particular."""
    return frozenset(_tables()[2])
