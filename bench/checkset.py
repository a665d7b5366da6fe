"""A rule-check set from outlets the gold sets barely use: Al Arabiya and Sky News Arabia (ANT multisource)
and the Saudi papers of SaudiNewsNet, drawn with a fixed seed, gold articles left out.

    python -m bench.checkset --ant <git dir> --snn <git dir> --out /work/checkset/raw [--n 300]

With ``--all-outlets --halves --seed S --exclude <raw folder> …`` it draws the fresh samples of unseen news:
every ANT outlet's news pages and every SaudiNewsNet paper, none of the gold or earlier check-set articles, split
into ``<out>/A/raw`` (to read and diagnose) and ``<out>/B/raw`` (held out: judged, never read while writing rules).
The fresh samples of 2026-12-05: ``--all-outlets --halves --n 300 --ant-n 200 --seed 2612 --exclude
/work/checkset/raw --exclude /work/corpus300/raw --out /work/fresh`` (150 + 150 articles, each 100 ANT and 50
SaudiNewsNet; judgments in ``labels/fresh_a.jsonl`` and ``labels/fresh_b.jsonl``).

With ``--dense K`` only the K articles of the draw densest in commitment cues and state names are kept (cues
plus state names per 1,000 characters, at least 3 and 4; half from ANT, in turn from each outlet, half from
SaudiNewsNet): the way dev2 was chosen ("by cue and place-name density from diplomacy, economy and international
pages"), a sample of the news analysts track rather than of every page. The cue stems are the guideline's
modality list, not the tagger's lexicons, so the choice does not favour what the rules already find. The dense
samples of 2026-12-05: ``--all-outlets --halves --n 3000 --ant-n 1500 --dense 44 --seed 51226`` excluding both
check sets and both fresh samples, ``--out /work/dense``.

The git dirs are snapshots of ``antcorpus/antcorpus.multisource.data`` and ``ParallelMazen/SaudiNewsNet``
(read with ``git show``; nothing is copied into the project). The BBC/CNN/France24 check set of
``bench.corpus`` is news of three outlets only; the commitments rules are checked on both (``bench.rulecheck``).
Half the articles come from each source; ANT articles only from its news and economy pages (its culture,
sport and technology pages hold almost no commitments), SaudiNewsNet articles from every paper.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tasks.settings import PROJECT_ROOT

SEED = 13
ANT_OUTLETS = ("Alarabia", "SkyNews")
ALL_ANT_OUTLETS = ("Alarabia", "SkyNews", "BBC", "CNN", "France24")
ANT_PAGES = ("internationalNews", "economy", "middleEast")
MIN_CHARS = 400  # shorter texts are captions and briefs
GOLD = PROJECT_ROOT.parent / "shared" / "eval"
_TAG = re.compile(r"<(?P<tag>TITLE|TEXT)>\s*(?P<body>.*?)\s*</(?P=tag)>", re.S)


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(repo), *args], check=True, capture_output=True).stdout


def gold_ids(folder: Path = GOLD) -> set[str]:
    """Corpus ids of every gold article («SK-economy-825-20180622», «2015-07-31_396»)."""
    ids: set[str] = set()
    for path in folder.glob("*_gold.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc_id = json.loads(line)["doc_id"]
            ids.add(doc_id.removeprefix("ant_"))
            if doc_id.startswith("snn_"):
                ids.add("_".join(doc_id.removeprefix("snn_").split("_")[:2]))
    return ids


def ant_articles(repo: Path, outlets: Sequence[str] = ANT_OUTLETS) -> list[tuple[str, str]]:
    """(id, title + body) of the ANT articles of the chosen outlets and pages."""
    names = _git(repo, "ls-tree", "-r", "--name-only", "HEAD").decode().split("\n")
    out = []
    for name in names:
        parts = name.split("/")
        if len(parts) != 3 or parts[0] not in outlets or parts[1] not in ANT_PAGES:
            continue
        out.append((Path(name).stem, name))
    return sorted(out)


def ant_text(repo: Path, name: str) -> str:
    doc = _git(repo, "show", f"HEAD:{name}").decode("utf-8")
    fields = {m["tag"]: m["body"] for m in _TAG.finditer(doc)}
    return f"{fields.get('TITLE', '').strip()}\n{fields.get('TEXT', '').strip()}\n"


def snn_articles(repo: Path) -> list[tuple[str, str]]:
    """(id «date_index», title + content) of every SaudiNewsNet article."""
    out = []
    for name in _git(repo, "ls-tree", "-r", "--name-only", "HEAD", "dataset/").decode().split():
        day = Path(name).stem
        with zipfile.ZipFile(io.BytesIO(_git(repo, "show", f"HEAD:{name}"))) as z:
            items: list[dict[str, Any]] = json.load(z.open(f"{day}.json"))
        for i, a in enumerate(items):
            title, body = (a.get("title") or "").strip(), (a.get("content") or "").strip()
            out.append((f"{day}_{i}_{a.get('source', '')}", f"{title}\n{body}\n" if title else f"{body}\n"))
    return out


# the guideline's cue words per modality (GUIDELINE.md, "Modalities, by cue"), as normalised stems; future verbs
# are left out (every «ست…» word would count)
DENSITY_CUES = re.compile(
    r"(?<!\w)[وف]?(?:تعهد|يتعهد|وعد|التزام|تعتزم|يعتزم|تخطط|يخطط|تهدف|يهدف|مستعد|استعداد|اتفق|اتفاق|توافق|"
    r"قرر|انضمام|وقع|يوقع|توقيع|يتعين|ينبغي|يجب|دعا|تدعو|يدعو|دعوة|تتطلع|يتطلع|تامل|يامل)"
)
DENSITY_PER = 1000  # counts per this many characters
DENSITY_MIN = (3, 4)  # at least this many cues and state names in the article


def _state_names() -> re.Pattern[str]:
    """Every KB state's names and aliases as one normalised alternation."""
    from tasks.entities.kb import load_kb
    from tasks.text.keys import alias_key

    names = {alias_key(a) for ent in load_kb().entities.values() if ent.type == "GPE" and ent.iso_code
             for a in (ent.name_ar, *ent.aliases_ar) if a}  # fmt: skip
    names = {n for n in names if len(n) > 2}
    alternation = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(r"(?<!\w)[وبلف]?(?:" + alternation + r")(?!\w)")


def densest(picked: Sequence[tuple[str, str]], k: int) -> list[tuple[str, str]]:
    """The ``k`` articles densest in cues plus state names (each at least DENSITY_MIN): half from ANT, taken in
    turn from each outlet, half the densest SaudiNewsNet articles."""
    from tasks.text.normalize import normalize

    states = _state_names()
    by_outlet: dict[str, list[tuple[float, str, str]]] = {}
    for ident, text in picked:
        norm = normalize(text)
        cues, places = len(DENSITY_CUES.findall(norm)), len(states.findall(norm))
        if cues < DENSITY_MIN[0] or places < DENSITY_MIN[1]:
            continue
        score = (cues + places) * DENSITY_PER / max(len(norm), 1)
        outlet = "snn" if ident[:4].isdigit() else ident.split("-")[0]
        by_outlet.setdefault(outlet, []).append((score, ident, text))
    snn = [(i, t) for _, i, t in sorted(by_outlet.pop("snn", []), reverse=True)][: k - k // 2]
    queues = [sorted(items, reverse=True) for _, items in sorted(by_outlet.items())]
    ant: list[tuple[str, str]] = []
    while len(ant) < k // 2 and any(queues):
        for q in queues:
            if q and len(ant) < k // 2:
                _, ident, text = q.pop(0)
                ant.append((ident, text))
    return ant + snn


def draw(
    pool: Sequence[tuple[str, str]], n: int, skip: set[str], text_of: Callable[[str], str] = str, seed: int = SEED,
) -> list[tuple[str, str]]:  # fmt: skip
    """The first ``n`` distinct, long enough, non-gold texts of one seeded shuffle (``text_of`` reads an
    item's text from its second field)."""
    order = list(range(len(pool)))
    random.Random(seed).shuffle(order)
    picked: list[tuple[str, str]] = []
    seen: set[str] = set()
    for i in order:
        ident, text = pool[i][0], text_of(pool[i][1])
        key = "_".join(ident.split("_")[:2]) if ident[:4].isdigit() else ident
        if key in skip or len(text) < MIN_CHARS or text in seen:
            continue
        seen.add(text)
        picked.append((ident, text))
        if len(picked) == n:
            break
    return picked


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ant", type=Path, required=True, help="git dir of antcorpus/antcorpus.multisource.data")
    ap.add_argument("--snn", type=Path, required=True, help="git dir of ParallelMazen/SaudiNewsNet")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--ant-n", type=int, default=None, help="how many of the n are ANT articles (default n/2)")
    ap.add_argument(
        "--all-outlets", action="store_true", help=f"ANT articles of every outlet ({', '.join(ALL_ANT_OUTLETS)})"
    )
    ap.add_argument(
        "--exclude",
        type=Path,
        action="append",
        default=[],
        help="a raw folder whose articles to leave out too (an earlier check set); repeatable",
    )
    ap.add_argument(
        "--dense",
        type=int,
        default=None,
        help="keep only this many of the draw: the densest in cues and state names, by outlet",
    )
    ap.add_argument(
        "--halves", action="store_true", help="write two samples of n/2, <out>/A and <out>/B: one to read, one held out"
    )
    args = ap.parse_args(argv)
    skip = gold_ids() | {i for folder in args.exclude for i in raw_ids(folder)}
    outlets = ALL_ANT_OUTLETS if args.all_outlets else ANT_OUTLETS
    n_ant = args.n // 2 if args.ant_n is None else args.ant_n
    ant = draw(ant_articles(args.ant, outlets), n_ant, skip, lambda name: ant_text(args.ant, name), args.seed)
    snn = draw(snn_articles(args.snn), args.n - n_ant, skip, seed=args.seed)
    if args.dense:
        picked = densest(ant + snn, args.dense)
        ant = [p for p in picked if not p[0][:4].isdigit()]
        snn = [p for p in picked if p[0][:4].isdigit()]
    parts = {"A": ant[0::2] + snn[0::2], "B": ant[1::2] + snn[1::2]} if args.halves else {"": ant + snn}
    for name, picked in parts.items():
        out = args.out / name / "raw" if name else args.out
        out.mkdir(parents=True, exist_ok=True)
        for k, (ident, text) in enumerate(picked):
            (out / f"{k:05d}_{re.sub(r'[^A-Za-z0-9_.-]+', '_', ident)[:60]}.txt").write_text(text, "utf-8")
        print(f"{len(picked)} articles in {out} ({len(skip)} ids left out)", file=sys.stderr)
    return 0


def raw_ids(folder: Path) -> set[str]:
    """The corpus ids of a raw folder this module or bench.corpus wrote («00003_SK-economy-642-20180525.txt»),
    with the «date_index» key of a SaudiNewsNet id too."""
    ids = set()
    for path in folder.glob("*.txt"):
        ident = path.stem.split("_", 1)[1]
        ids |= {ident, "_".join(ident.split("_")[:2])}
    return ids


if __name__ == "__main__":
    raise SystemExit(main())
