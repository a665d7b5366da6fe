"""A back-off for clitics the statistical tokenizer leaves attached.

The bundled tokenizer learned clitics from 800 PUD sentences, so it misses them on words it never saw
(«وقيرغيزستان»). A token is split when what follows the proclitic is a known name of the knowledge base,
or when the token never occurs in the news corpus while its remainder does. A token that is itself a
known name («بيشكك») is never split.
"""

from __future__ import annotations

import gzip
import threading
from functools import lru_cache
from pathlib import Path

from tasks.text.normalize import normalize

LEXICON = Path(__file__).resolve().parents[2] / "models" / "ar" / "lexicon.tsv.gz"
# longest first, so «وب» is tried before «و»
PROCLITIC_RUNS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
CLITIC_UPOS = {"و": "CCONJ", "ف": "CCONJ", "ب": "ADP", "ل": "ADP", "ك": "ADP"}
_LOCK = threading.Lock()


@lru_cache(maxsize=2)
def load_lexicon(path: Path = LEXICON) -> dict[str, int]:
    """Word → count in the news corpus (written by the training flow next to the models)."""
    if not path.exists():
        return {}
    counts: dict[str, int] = {}
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        word, _, n = line.partition("\t")
        counts[word] = int(n)
    return counts


@lru_cache(maxsize=1)
def _normalised_lexicon() -> dict[str, int]:
    counts: dict[str, int] = {}
    for word, n in load_lexicon().items():
        k = normalize(word)
        counts[k] = counts.get(k, 0) + n
    return counts


# a normalised word from one of these spellings is no imperfect verb: «نية» (intention) is not «ن» + «ية» once
# «ة» is «ه»; a word written with «أ/إ/آ» first is a past verb or a noun as often as a first person («أعدتها»)
_NOT_VERB_END = "ة"
_HAMZA_ALEFS = ("أ", "إ", "آ")


@lru_cache(maxsize=1)
def verb_lexicon() -> dict[str, int]:
    """Normalised word → count, for looking up the verbs of a normalised sentence: every spelling of a key is
    summed («ينشي» is «ينشئ», «يبقي» «يبقى»: the raw lexicon knows neither key), except spellings that
    cannot be an imperfect verb (ending in «ة») or that start with a hamza on alef (counted as written only)."""
    counts: dict[str, int] = {}
    for word, n in load_lexicon().items():
        if word.endswith(_NOT_VERB_END):
            continue
        k = word if word.startswith(_HAMZA_ALEFS) else normalize(word)
        counts[k] = counts.get(k, 0) + n
    return counts


def lexicon_count(key: str) -> int:
    """How often the news corpus writes the normalised surface ``key`` (all spellings summed)."""
    return _normalised_lexicon().get(key, 0)


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Normalised one-word names and nisbas of the knowledge base."""
    from tasks.entities.kb import load_kb

    with _LOCK:
        kb = load_kb()
    names: set[str] = set()
    for ent in kb.entities.values():
        if ent.type == "PER":
            continue
        for form in (ent.name_ar, *ent.aliases_ar, *ent.nisba_ar):
            key = normalize(form)
            if key and " " not in key:
                names.add(key)
    return frozenset(names)


def split_clitics(
    token: str, lexicon: dict[str, int] | None = None, names: frozenset[str] | None = None
) -> list[str] | None:
    """Words of ``token`` if a proclitic should come off, else None; the words always spell the token."""
    if len(token) < 4:
        return None
    lexicon = load_lexicon() if lexicon is None else lexicon
    names = known_names() if names is None else names
    if normalize(token) in names:
        return None
    if token.startswith("لل") and normalize("ال" + token[2:]) in names:
        return ["ل", token[1:]]  # ل + ال contracted: «للصين» = ل + لصين, as UD writes it
    for run in PROCLITIC_RUNS:
        if not token.startswith(run):
            continue
        rest = token[len(run) :]
        if len(rest) < 3:
            continue
        if normalize(rest) in names or (lexicon.get(token, 0) == 0 and lexicon.get(rest, 0) >= 3):
            return [*run, rest]
    return None
