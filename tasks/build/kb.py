"""Build kb/entities.jsonl from CLDR (via babel) and the curated files in kb/curated/.

Run ``python -m tasks.build.kb`` after editing a curated file. The output is deterministic (entities sorted by id,
aliases in curated order, no timestamps), so a rebuild without edits leaves the committed file unchanged.

Sources: country names from CLDR's Arabic locale (babel), everything else from kb/curated/; nisba forms and the
country-specific state bodies (وزارة الخارجية القيرغيزية ...) are derived by rule from the curated base nisba.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from babel import Locale
from babel.core import get_cldr_version

from tasks.errors import KBBuildError
from tasks.text.keys import alias_key

KB_DIR = Path(__file__).resolve().parents[2] / "kb"
CURATED_DIR = KB_DIR / "curated"
OUTPUT = KB_DIR / "entities.jsonl"
OFFICES = KB_DIR / "offices.json"

# The 193 UN member states (ISO 3166-1 alpha-2) and the two observer states. CLDR has ~250 territory codes
# (dependencies, EU, UN, "unknown region" ...); only these become sovereign-state entities.
UN_MEMBERS = frozenset(
    """AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL CN
    CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT
    HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR
    MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC
    WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB
    US UY UZ VU VE VN YE ZM ZW""".split()
)
UN_OBSERVERS = frozenset({"VA", "PS"})
SOVEREIGN_STATES = UN_MEMBERS | UN_OBSERVERS

ENTITY_TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "MISC"})
FIELD_ORDER = (
    "entity_id", "type", "subtype", "canonical", "name_ar", "aliases_ar", "short_aliases_ar", "nisba_ar",
    "abbreviations", "iso_code", "wikidata_id", "country", "offices", "ambiguous_ar", "body_kind", "source",
)  # fmt: skip

def slugify(text: str) -> str:
    """ASCII slug of an English canonical name, for kb:<slug> ids."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# ---------------------------------------------------------------------------------------------- nisba rules

_SUFFIXES = ("", "ة", "ون", "ين", "ان", "تان", "تين", "ات")


def _article(word: str) -> str:
    return word if word.startswith("ال") else "ال" + word


def nisba_forms(base: str) -> list[str]:
    """All regular forms of a masculine nisba base such as «صيني» or «كوري جنوبي».

    Every word ending in ي inflects (ـية، ـيون، ـيين، ـيان، ـيتان، ـيتين، ـيات) and the forms come with and
    without ال. A leading word that does not end in ي («جنوب سوداني») is a prefix: it takes the article and
    stays uninflected (الجنوب سوداني، الجنوب سودانية)."""
    words = base.split()
    if not words or not words[-1].endswith("ي"):
        raise KBBuildError(
            f"nisba base must end in ي: {base!r}",
            fix="write the masculine singular nisba (such as «صيني», «كوري جنوبي») in the nisba_ar column of "
            "countries.tsv or after nisba: in ambiguous_words.txt",
        )
    prefix: list[str] = []
    while words and not words[0].endswith("ي"):
        prefix.append(words.pop(0))
    forms: list[str] = []
    for suffix in _SUFFIXES:
        inflected = [w + suffix for w in words]
        forms.append(" ".join([*prefix, *inflected]))
        if prefix:
            forms.append(" ".join([_article(prefix[0]), *prefix[1:], *inflected]))
        else:
            forms.append(" ".join(_article(w) for w in inflected))
    return forms


def definite_nisba(base: str, feminine: bool) -> str:
    """«صيني» → «الصينية» (feminine) or «الصيني»; used to derive state-body names from a country's nisba."""
    forms = nisba_forms(base)
    return forms[3] if feminine else forms[1]


# ---------------------------------------------------------------------------------------------- readers


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a curated TSV: '#' lines are comments, the first other line is the header."""
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            raise KBBuildError(
                f"{len(cells)} columns, header has {len(header)}",
                fix="remove the line's extra tabs (| separates several values in one cell), or add the column "
                "to the header",
                path=f"{path.name}:{lineno}",
            )
        cells += [""] * (len(header) - len(cells))
        row = {h: c.strip() for h, c in zip(header, cells, strict=True)}
        row["_where"] = f"{path.name}:{lineno}"
        rows.append(row)
    return rows


def dedupe(surfaces: Iterable[str]) -> list[str]:
    """Keep the first surface of every lookup key, in order."""
    seen: set[str] = set()
    out: list[str] = []
    for surface in surfaces:
        surface = " ".join(surface.split())
        key = alias_key(surface)
        if key and key not in seen:
            seen.add(key)
            out.append(surface)
    return out


def load_ambiguous(path: Path) -> set[str]:
    keys: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("nisba:"):
            keys.update(alias_key(f) for f in nisba_forms(line.removeprefix("nisba:").strip()))
        else:
            keys.add(alias_key(line))
    return keys


# ---------------------------------------------------------------------------------------------- entities


def _entity(**fields: Any) -> dict[str, Any]:
    entity: dict[str, Any] = {
        "entity_id": None, "type": None, "subtype": None, "canonical": None, "name_ar": None, "aliases_ar": [],
        "short_aliases_ar": [], "nisba_ar": [], "abbreviations": [], "iso_code": None, "wikidata_id": None,
        "country": None, "offices": [], "ambiguous_ar": [], "body_kind": None, "source": None,
    }  # fmt: skip
    entity.update(fields)
    return entity


DISAMBIGUATOR_RE = re.compile(r"\s*\([^)]*\)\s*$")


def person_name(canonical: str) -> str:
    """A person's name as analysts and the gold sets write it: the curated name without its Wikipedia
    disambiguator («Mikhail Bogdanov (diplomat)» → «Mikhail Bogdanov»), which stays in the entity id only."""
    return DISAMBIGUATOR_RE.sub("", canonical)


def _entity_id(wikidata: str, canonical: str, where: str) -> str:
    if wikidata:
        if not re.fullmatch(r"Q[1-9]\d*", wikidata):
            raise KBBuildError(
                f"bad QID {wikidata!r} for {canonical}",
                fix="write the Wikidata id as Q and digits (Q30), or leave it empty for a kb:<slug> id",
                path=where,
            )
        return wikidata
    return "kb:" + slugify(canonical)


def build_countries(rows: list[dict[str, str]], cldr: dict[str, str]) -> list[dict[str, Any]]:
    """Sovereign states: CLDR Arabic name + curated news spellings, nisba forms by rule + irregular ones."""
    codes = [r["iso2"] for r in rows]
    if sorted(codes) != sorted(SOVEREIGN_STATES):
        missing, extra = SOVEREIGN_STATES - set(codes), set(codes) - SOVEREIGN_STATES
        raise KBBuildError(
            f"countries.tsv must list each UN member/observer once; missing {missing}, extra {extra}",
            fix="add a row for every missing code and remove the extra ones (UN_MEMBERS and UN_OBSERVERS in "
            "tasks/build/kb.py list the states)",
            path="countries.tsv",
        )
    out = []
    for r in rows:
        iso = r["iso2"]
        cldr_name = cldr[iso]
        cldr_parts = [cldr_name, *re.findall(r"^(.*?)\s*\((.*?)\)$", cldr_name)[0]] if "(" in cldr_name else [cldr_name]
        name_ar = r["name_ar"] or cldr_name
        nisba: list[str] = []
        for base in split_list(r["nisba_ar"]):
            nisba.extend(nisba_forms(base))
        for form in split_list(r["nisba_irregular_ar"]):
            nisba.append(form)
            if form.startswith("ال"):
                nisba.append(form.removeprefix("ال"))
        if not nisba:
            raise KBBuildError(
                f"{iso} has no nisba",
                fix="fill nisba_ar with its base (such as «صيني») or nisba_irregular_ar with its irregular forms",
                path=r["_where"],
            )
        out.append(
            _entity(
                entity_id=_entity_id(r["wikidata"], r["canonical"], r["_where"]),
                type="GPE",
                subtype="country",
                canonical=r["canonical"],
                name_ar=name_ar,
                aliases_ar=dedupe([name_ar, *cldr_parts, *split_list(r["aliases_ar"])]),
                nisba_ar=dedupe(nisba),
                abbreviations=dedupe(split_list(r["abbreviations"])),
                iso_code=iso,
                wikidata_id=r["wikidata"] or None,
                country=iso,
                source="cldr+curated",
                _nisba_bases=split_list(r["nisba_ar"]),
                _where=r["_where"],
            )
        )
    return out


def build_places_and_orgs(rows: list[dict[str, str]], kind: str) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        if r["type"] not in ENTITY_TYPES:
            raise KBBuildError(
                f"unknown type {r['type']!r}",
                fix=f"use one of {', '.join(sorted(ENTITY_TYPES))} in the type column",
                path=r["_where"],
            )
        aliases = dedupe(split_list(r["aliases_ar"]))
        if not aliases:
            raise KBBuildError(
                "no Arabic alias",
                fix="give the row at least one Arabic name in aliases_ar (| separates several)",
                path=r["_where"],
            )
        out.append(
            _entity(
                entity_id=_entity_id(r["wikidata"], r["canonical"], r["_where"]),
                type=r["type"],
                subtype=r["subtype"] or None,
                canonical=r["canonical"],
                name_ar=aliases[0],
                aliases_ar=aliases,
                abbreviations=dedupe(split_list(r.get("abbreviations", ""))),
                wikidata_id=r["wikidata"] or None,
                country=r["country"] or None,
                body_kind=r.get("body_kind") or None,
                source="curated",
                _ambiguous=split_list(r.get("ambiguous_ar", "")),
                _where=r["_where"],
                _kind=kind,
            )
        )
    return out


def _check_date(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise KBBuildError(f"bad date {value!r}", fix="write it as YYYY-MM-DD, YYYY-MM or YYYY", path=where)
    return value


# Korean given names are two syllables that news writes apart or joined by a dash («كيم جونغ أون», «كيم جونغ-أون»:
# 62 times in the ANT corpus, «مون جاي-إن» 16): a three-word name of these states also gets the joined spelling.
HYPHENATED_GIVEN_NAME_STATES = frozenset({"KR", "KP"})


def _hyphenated(aliases: list[str], country: str | None) -> list[str]:
    """The aliases with their last two words joined by a dash, for the states that write names so."""
    if country not in HYPHENATED_GIVEN_NAME_STATES:
        return []
    return [" ".join([*w[:-2], f"{w[-2]}-{w[-1]}"]) for w in (a.split() for a in aliases) if len(w) == 3]


def build_persons(data: dict[str, Any], office_ids: set[str]) -> list[dict[str, Any]]:
    out = []
    for p in data["persons"]:
        where = f"persons.json:{p['canonical']}"
        aliases = dedupe(p["aliases_ar"])
        aliases = dedupe([*aliases, *_hyphenated(aliases, p.get("country"))])
        if not aliases:
            raise KBBuildError(
                "no Arabic alias", fix="give the person at least one Arabic name in aliases_ar", path=where
            )
        offices = []
        for t in p.get("offices", []):
            if t["office"] not in office_ids:
                raise KBBuildError(
                    f"unknown office {t['office']!r}",
                    fix="use an office_id of kb/offices.json, or add the office there",
                    path=where,
                )
            if bool(t.get("country")) == bool(t.get("org")):
                raise KBBuildError(
                    f"tenure of {t['office']} needs exactly one of country / org",
                    fix="give the tenure a country (ISO code) or an org (entity id), not both and not neither",
                    path=where,
                )
            tenure = {
                "office": t["office"],
                "country": t.get("country"),
                "org": t.get("org"),
                "start": _check_date(t.get("start"), where),
                "end": _check_date(t.get("end"), where),
            }
            if t.get("dates_unknown"):
                tenure["dates_unknown"] = True
            elif tenure["start"] is None:
                raise KBBuildError(
                    f"tenure of {t['office']} has no start",
                    fix="give it a start date, or set dates_unknown: true when the dates are not known",
                    path=where,
                )
            offices.append(tenure)
        offices.sort(key=lambda t: (t["start"] or "", t["office"], t["country"] or t["org"] or ""))
        out.append(
            _entity(
                entity_id=_entity_id(p.get("wikidata") or "", p["canonical"], where),
                type="PER",
                subtype="person",
                canonical=person_name(p["canonical"]),
                name_ar=aliases[0],
                aliases_ar=aliases,
                short_aliases_ar=dedupe(p.get("short_aliases_ar", [])),
                wikidata_id=p.get("wikidata"),
                country=p.get("country"),
                offices=offices,
                source="curated",
                _where=where,
            )
        )
    return out


def _generated_body_aliases(kind: str, country: dict[str, Any]) -> list[str]:
    bases: list[str] = country["_nisba_bases"]
    names = country["aliases_ar"]
    fem = [definite_nisba(b, feminine=True) for b in bases]
    masc = [definite_nisba(b, feminine=False) for b in bases]
    if kind == "mfa":
        return [*(f"وزارة الخارجية {n}" for n in fem), *(f"الخارجية {n}" for n in fem),
                *(f"وزارة الشؤون الخارجية {n}" for n in fem), *(f"وزارة خارجية {n}" for n in names)]  # fmt: skip
    if kind == "defense":
        return [*(f"وزارة الدفاع {n}" for n in fem), *(f"وزارة دفاع {n}" for n in names)]
    if kind == "government":
        return [*(f"الحكومة {n}" for n in fem), *(f"حكومة {n}" for n in names)]
    if kind == "central_bank":
        return [*(f"البنك المركزي {n}" for n in masc), *(f"المصرف المركزي {n}" for n in masc)]
    if kind == "parliament":
        return [*(f"البرلمان {n}" for n in masc), *(f"برلمان {n}" for n in names)]
    if kind == "senate":
        return [f"مجلس الشيوخ {n}" for n in masc]
    if kind == "army":  # guideline: «الجيش + state nisba» is an organisation, the state's army
        return [*(f"الجيش {n}" for n in masc), *(f"جيش {n}" for n in names)]
    raise KBBuildError(
        f"unknown body kind {kind!r}",
        fix="use mfa, defense, government, central_bank, parliament, senate or army in generic_bodies, or teach the "
        "new kind to _generated_body_aliases (tasks/build/kb.py)",
        path="offices.json",
    )


_BODY_SUBTYPE = {"mfa": "ministry", "defense": "ministry", "government": "government",
                 "central_bank": "central_bank", "parliament": "legislature", "senate": "legislature",
                 "army": "military"}  # fmt: skip


def build_state_bodies(
    countries: list[dict[str, Any]], orgs: list[dict[str, Any]], generic: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """One body per (generic kind, state): a curated org with that body_kind wins and gets the derived aliases."""
    curated = {(o["body_kind"], o["country"]): o for o in orgs if o["body_kind"]}
    out = []
    for g in generic:
        kind = g["body_kind"]
        for c in countries:
            derived = _generated_body_aliases(kind, c)
            target = curated.get((kind, c["iso_code"]))
            if target is not None:
                target["aliases_ar"] = dedupe([*target["aliases_ar"], *derived])
                continue
            if not g.get("every_state", True):
                continue  # a senate exists only where curated: no generated «Senate of Saudi Arabia»
            aliases = dedupe(derived)
            out.append(
                _entity(
                    entity_id=f"kb:{kind.replace('_', '-')}-{c['iso_code'].lower()}",
                    type="ORG",
                    subtype=_BODY_SUBTYPE[kind],
                    canonical=f"{g['en']} of {c['canonical']}",
                    name_ar=aliases[0],
                    aliases_ar=aliases,
                    country=c["iso_code"],
                    body_kind=kind,
                    source="rule",
                )
            )
    return out


def _check_unique_country_keys(countries: list[dict[str, Any]]) -> None:
    owner: dict[str, str] = {}
    for c in countries:
        for surface in [*c["aliases_ar"], *c["abbreviations"]]:
            key = alias_key(surface)
            if key in owner and owner[key] != c["iso_code"]:
                raise KBBuildError(
                    f"alias {surface!r} belongs to both {owner[key]} and {c['iso_code']}",
                    fix="remove it from the aliases_ar or abbreviations of one of the two states",
                    path="countries.tsv",
                )
            owner[key] = c["iso_code"]


def build(curated_dir: Path = CURATED_DIR, offices_path: Path = OFFICES) -> list[dict[str, Any]]:
    """All entities, sorted by id; raises KBBuildError on any inconsistency in the curated data."""
    cldr = {code: name for code, name in Locale("ar").territories.items() if len(code) == 2}
    offices_doc = json.loads(offices_path.read_text(encoding="utf-8"))
    office_ids = {o["office_id"] for o in offices_doc["offices"]}
    ambiguous = load_ambiguous(curated_dir / "ambiguous_words.txt")

    countries = build_countries(read_tsv(curated_dir / "countries.tsv"), cldr)
    places = build_places_and_orgs(read_tsv(curated_dir / "places.tsv"), "place")
    orgs = build_places_and_orgs(read_tsv(curated_dir / "organizations.tsv"), "org")
    persons = build_persons(json.loads((curated_dir / "persons.json").read_text(encoding="utf-8")), office_ids)
    bodies = build_state_bodies(countries, orgs, offices_doc["generic_bodies"])
    _check_unique_country_keys(countries)

    entities = [*countries, *places, *orgs, *persons, *bodies]
    by_id: dict[str, dict[str, Any]] = {}
    for e in entities:
        if e["entity_id"] in by_id:
            other = by_id[e["entity_id"]]["canonical"]
            raise KBBuildError(
                f"duplicate entity id {e['entity_id']} ({e['canonical']} / {other})",
                fix="correct the wikidata id of one of them (ids are the QID, else kb:<slug of the canonical name>), "
                "or merge the two rows",
                path=e.get("_where"),
            )
        by_id[e["entity_id"]] = e
    states = {c["iso_code"] for c in countries}
    for e in entities:
        if e["country"] and e["country"] not in states:
            raise KBBuildError(
                f"{e['canonical']}: country {e['country']!r} is not a sovereign state code",
                fix="use the ISO 3166-1 alpha-2 code of a UN member or observer state (countries.tsv)",
                path=e.get("_where"),
            )
        for t in e["offices"]:
            if t["org"] and t["org"] not in by_id:
                raise KBBuildError(
                    f"{e['canonical']}: tenure org {t['org']!r} is not an entity id",
                    fix="use the entity_id of an organisation of the kb, or add it to organizations.tsv",
                    path=e.get("_where"),
                )
        surfaces = [*e["aliases_ar"], *e["nisba_ar"], *e["abbreviations"], *e["short_aliases_ar"]]
        flagged = set(e.pop("_ambiguous", []))
        e["ambiguous_ar"] = [s for s in surfaces if s in flagged or alias_key(s) in ambiguous]
        for private in [k for k in e if k.startswith("_")]:
            del e[private]
    return [{k: e[k] for k in FIELD_ORDER} for e in sorted(entities, key=lambda e: e["entity_id"])]


def write_jsonl(entities: list[dict[str, Any]], path: Path) -> None:
    lines = [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in entities]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--curated", type=Path, default=CURATED_DIR, help="folder of curated source files")
    parser.add_argument("--offices", type=Path, default=OFFICES, help="offices.json")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="entities.jsonl to write")
    args = parser.parse_args(argv)
    entities = build(args.curated, args.offices)
    write_jsonl(entities, args.out)
    counts: dict[str, int] = {}
    for e in entities:
        counts[f"{e['type']}/{e['subtype']}"] = counts.get(f"{e['type']}/{e['subtype']}", 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"wrote {len(entities)} entities to {args.out} (CLDR {get_cldr_version()}): {summary}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
