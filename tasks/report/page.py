"""The analyst report: one self-contained HTML page built from the Parquet tables of an output folder.

Analysts open ``processed/report/index.html`` from disk, often on machines without a network, so the page
carries everything it needs: plotly.js is inlined once, no font, MathJax or CDN is referenced, and a
Content-Security-Policy forbids any fetch. It reads only the tables (never raw/ or the models), and its
bytes depend only on them (and on where the page is written, for the relative links to the raw files):
re-rendering unchanged tables gives an identical file.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import quote

import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs
from plotly.subplots import make_subplots

from tasks.errors import ReportError
from tasks.store.parquet import read_table, write_bytes_atomic

REPORT_DIR = "report"
REPORT_FILE = "index.html"
REPORT_TABLES = ("documents", "sentences", "mentions", "entities", "commitments", "commitment_parties", "runs")
"""The only tables the report reads."""

CHART_IDS = {
    "actors": "chart-actors",
    "modality": "chart-modality",
    "sectors": "chart-sectors",
    "timeline": "chart-timeline",
    "entities": "chart-entities",
}
"""Stable ids of the chart divs (tests and bookmarks rely on them)."""

LATEST_TABLE_ID = "latest-commitments"
MAX_LATEST = 50
TOP_ENTITIES = 10
MAX_MATRIX = 25  # actors / counterparts shown in the matrix (the most frequent)
ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "MISC", "DATE")
NO_COUNTERPART = "(none named)"
NO_SECTOR = "(no sector)"
NO_DATE = "no date"

PLOTLY_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "responsive": True,
    "typesetMath": False,  # never look for MathJax
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
}

CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'"
)
"""Nothing may be fetched: plotly.js is inline, images are data: URIs (the modebar's PNG download)."""


@dataclass(frozen=True)
class Tables:
    """The rows the report needs, as Python lists of dicts (small: one run's output)."""

    documents: list[dict[str, Any]]
    sentences: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    commitments: list[dict[str, Any]]
    parties: list[dict[str, Any]]
    runs: list[dict[str, Any]]


def report_path(processed: Path) -> Path:
    """Where a run's report lives: ``<processed>/report/index.html``."""
    return processed / REPORT_DIR / REPORT_FILE


def load_tables(processed: Path) -> Tables:
    """Read the report's tables; a folder with none of them is an error naming the fix."""
    present = [n for n in REPORT_TABLES if any((processed / n).glob("*.parquet"))]
    if not present:
        raise ReportError(
            f"no tables in {processed}: none of {', '.join(REPORT_TABLES)} has a Parquet file there.",
            fix=f"run the pipeline first (.venv/bin/python -m flows.extract --raw raw --out {processed}) "
            "or pass the output folder it wrote (--out).",
            path=processed,
        )

    def rows(name: str, columns: Sequence[str] | None = None) -> list[dict[str, Any]]:
        table = read_table(processed, name)
        return (table.select(list(columns)) if columns else table).to_pylist()

    return Tables(
        documents=rows("documents", ["doc_id", "source_path", "title", "published_date", "text"]),
        sentences=rows("sentences", ["doc_id", "sentence_idx", "start_char", "end_char", "text"]),
        mentions=rows("mentions", ["doc_id", "start_char", "text", "type", "entity_id"]),
        entities=rows("entities", ["entity_id", "type", "canonical_name", "name_ar"]),
        commitments=rows("commitments"),
        parties=rows("commitment_parties"),
        runs=rows("runs"),
    )


# --------------------------------------------------------------------------------------------- helpers


def esc(value: Any) -> str:
    """HTML-escape anything (None → empty)."""
    return "" if value is None else html.escape(str(value), quote=True)


def highlight(text: str, base: int, spans: Iterable[tuple[int, int, str]]) -> str:
    """Escaped ``text`` (which starts at document offset ``base``) with each (start, end, class) span in
    document offsets wrapped in ``<mark class=…>``. Overlapping spans are cut at every boundary so marks
    never nest; a piece covered by several spans carries all their classes. Spans outside are clipped."""
    n = len(text)
    clipped = []
    for start, end, cls in spans:
        s, e = max(0, start - base), min(n, end - base)
        if s < e:
            clipped.append((s, e, cls))
    cuts = sorted({0, n, *(s for s, _, _ in clipped), *(e for _, e, _ in clipped)})
    out = []
    for a, b in pairwise(cuts):
        classes = sorted({cls for s, e, cls in clipped if s <= a and b <= e})
        piece = esc(text[a:b])
        out.append(f'<mark class="{" ".join(classes)}">{piece}</mark>' if classes else piece)
    return "".join(out)


def _date(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else NO_DATE


def _ts(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return "" if value is None else str(value)


class Names:
    """Entity id → display name: the canonical (English for KB entities) name, else the Arabic one."""

    def __init__(self, entities: Sequence[Mapping[str, Any]]) -> None:
        self.by_id = {e["entity_id"]: e for e in entities}

    def __call__(self, entity_id: str | None) -> str:
        e = self.by_id.get(entity_id or "")
        if e is None:
            return entity_id or "?"
        return e.get("canonical_name") or e.get("name_ar") or e["entity_id"]


def _parties(t: Tables, names: Names) -> dict[str, dict[str, list[str]]]:
    """commitment_id → {"actor": [...], "counterpart": [...]} (display names, table order, no repeats)."""
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"actor": [], "counterpart": []})
    for p in t.parties:
        names_for_role = out[p["commitment_id"]].setdefault(p["role"], [])
        name = names(p["entity_id"])
        if name not in names_for_role:
            names_for_role.append(name)
    return out


def _short(label: str, limit: int = 34) -> str:
    """Axis labels stay readable; the full name is in the hover text."""
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _ranked(counter: Mapping[str, int], limit: int | None = None) -> list[str]:
    keys = sorted(counter, key=lambda k: (-counter[k], k))
    return keys if limit is None else keys[:limit]


# ---------------------------------------------------------------------------------------------- charts


def _layout(fig: go.Figure, height: int, **kwargs: Any) -> go.Figure:
    kwargs.setdefault("margin", {"l": 10, "r": 10, "t": 30, "b": 10})
    fig.update_layout(
        height=height,
        template="plotly_white",
        font={"family": "system-ui, 'DejaVu Sans', sans-serif", "size": 12},
        **kwargs,
    )
    return fig


def actor_matrix(t: Tables, parties: Mapping[str, Mapping[str, list[str]]]) -> go.Figure | None:
    """Heatmap: commitments per (actor, counterpart); every actor of a commitment (both sides of a joint
    statement are two actors) pairs with each of its counterparts, or with «none named»."""
    pairs: Counter[tuple[str, str]] = Counter()
    for c in t.commitments:
        p = parties.get(c["commitment_id"], {})
        for actor in p.get("actor") or ["(no actor)"]:
            for counterpart in p.get("counterpart") or [NO_COUNTERPART]:
                pairs[(actor, counterpart)] += 1
    if not pairs:
        return None
    by_actor: Counter[str] = Counter()
    by_counterpart: Counter[str] = Counter()
    for (a, cp), n in pairs.items():
        by_actor[a] += n
        by_counterpart[cp] += n
    actors = _ranked(by_actor, MAX_MATRIX)
    counterparts = _ranked(by_counterpart, MAX_MATRIX)
    z = [[pairs.get((a, cp)) or None for cp in counterparts] for a in actors]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=counterparts,
            y=actors,
            colorscale="Blues",
            texttemplate="%{z}",
            hovertemplate="%{y} → %{x}: %{z} commitments<extra></extra>",
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": "commitments"}},
        )
    )
    fig.update_yaxes(autorange="reversed", title_text="actor", type="category")
    fig.update_xaxes(title_text="counterpart", side="top", type="category")
    return _layout(fig, max(260, 60 + 28 * len(actors)))


def modality_chart(t: Tables) -> go.Figure | None:
    """Stacked bars: commitments per modality, split by polarity."""
    counts = Counter((c["modality"], c["polarity"]) for c in t.commitments)
    if not counts:
        return None
    modalities = _ranked(Counter(c["modality"] for c in t.commitments))
    polarities = sorted({p for _, p in counts}, key=lambda p: ({"positive": 0, "negative": 1}.get(p, 2), p))
    colors = {"positive": "#2e7d32", "negative": "#c62828"}
    fig = go.Figure(
        [
            go.Bar(
                name=pol,
                x=modalities,
                y=[counts.get((m, pol), 0) for m in modalities],
                marker_color=colors.get(pol),
                hovertemplate="%{x}, " + pol + ": %{y}<extra></extra>",
            )
            for pol in polarities
        ]
    )
    fig.update_xaxes(type="category", title_text="modality")
    fig.update_yaxes(title_text="commitments")
    return _layout(fig, 340, barmode="stack", legend={"title": {"text": "polarity"}})


def sector_chart(t: Tables) -> go.Figure | None:
    """Bars per sector (a commitment with several sectors counts in each)."""
    counts = Counter(s for c in t.commitments for s in (c.get("sectors") or [NO_SECTOR]))
    if not counts:
        return None
    sectors = _ranked(counts)
    fig = go.Figure(
        go.Bar(
            x=[counts[s] for s in sectors],
            y=sectors,
            orientation="h",
            marker_color="#5c6bc0",
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title_text="commitments")
    return _layout(fig, max(240, 60 + 24 * len(sectors)))


def timeline_chart(t: Tables) -> go.Figure | None:
    """Bars per day, or per month when the dates span more than 92 days; undated commitments last."""
    if not t.commitments:
        return None
    dates = [c.get("date") for c in t.commitments]
    known = sorted(d for d in dates if isinstance(d, dt.date))
    monthly = bool(known) and (known[-1] - known[0]).days > 92
    counts = Counter(
        (d.strftime("%Y-%m") if monthly else d.isoformat()) if isinstance(d, dt.date) else NO_DATE for d in dates
    )
    keys = sorted(k for k in counts if k != NO_DATE) + ([NO_DATE] if NO_DATE in counts else [])
    fig = go.Figure(
        go.Bar(
            x=keys,
            y=[counts[k] for k in keys],
            marker_color=["#bdbdbd" if k == NO_DATE else "#00897b" for k in keys],
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    fig.update_xaxes(type="category", title_text="document month" if monthly else "document date")
    fig.update_yaxes(title_text="commitments")
    return _layout(fig, 320)


def entity_chart(t: Tables, names: Names) -> go.Figure | None:
    """The most mentioned entities of each type (mention counts), one panel per type."""
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    for m in t.mentions:
        label = names(m["entity_id"]) if m.get("entity_id") else m["text"]
        by_type[m["type"]][label] += 1
    if not by_type:
        return None
    types = [ty for ty in ENTITY_TYPES if ty in by_type] + sorted(ty for ty in by_type if ty not in ENTITY_TYPES)
    cols = 2 if len(types) > 1 else 1
    rows = (len(types) + cols - 1) // cols
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=[f"{ty} (top {TOP_ENTITIES})" for ty in types],
        horizontal_spacing=0.25,
        vertical_spacing=0.25 / rows,
    )
    for i, ty in enumerate(types):
        top = _ranked(by_type[ty], TOP_ENTITIES)
        row, col = i // cols + 1, i % cols + 1
        fig.add_trace(
            go.Bar(
                x=[by_type[ty][k] for k in top],
                y=top,
                orientation="h",
                name=ty,
                showlegend=False,
                customdata=top,
                hovertemplate="%{customdata}: %{x} mentions<extra>" + ty + "</extra>",
            ),
            row=row,
            col=col,
        )
        fig.update_yaxes(  # the same bar thickness in every panel, however few entities it has
            range=[TOP_ENTITIES - 0.5, -0.5], type="category", tickvals=top, ticktext=[_short(k) for k in top],
            row=row, col=col,
        )  # fmt: skip
    return _layout(fig, 60 + rows * 280, margin={"l": 10, "r": 10, "t": 60, "b": 10})


# ----------------------------------------------------------------------------------------------- table


def latest_rows(t: Tables, limit: int = MAX_LATEST) -> list[dict[str, Any]]:
    """Commitments, latest document date first (undated last), then document and sentence order."""
    docs = {d["doc_id"]: d for d in t.documents}

    def key(c: Mapping[str, Any]) -> tuple[Any, ...]:
        d = c.get("date")
        path = (docs.get(c["doc_id"]) or {}).get("source_path") or ""
        return (d is None, -(d.toordinal() if d else 0), path, c["doc_id"], c["sentence_idx"],
                c["trigger_start"], c["commitment_id"])  # fmt: skip

    return sorted(t.commitments, key=key)[:limit]


def _source_cell(doc: Mapping[str, Any] | None, c: Mapping[str, Any], page_dir: Path) -> str:
    start = min(c["trigger_start"], c["action_start"])
    end = max(c["trigger_end"], c["action_end"])
    anchor = f'<code class="ref">{esc(c["doc_id"])}#chars={start}-{end}</code>'
    if not doc or not doc.get("source_path"):
        return anchor
    src = Path(doc["source_path"])
    name = esc(src.name)
    hint = f"{src}: {doc['title']}" if doc.get("title") else str(src)
    if src.is_file():
        rel = os.path.relpath(src.resolve(), page_dir.resolve()) if src.is_absolute() else str(src)
        link = f'<a href="{esc(quote(Path(rel).as_posix()))}" title="{esc(hint)}">{name}</a>'
    else:
        link = f'<span title="{esc(hint)} (file not found)">{name}</span>'
    return f"{link}{anchor}"


def _names_cell(names: Sequence[str]) -> str:
    return "<br>".join(f'<bdi dir="auto">{esc(n)}</bdi>' for n in names) or '<span class="muted">—</span>'


def commitments_table(t: Tables, parties: Mapping[str, Mapping[str, list[str]]], page_dir: Path) -> str:
    """The latest commitments with their sentence, trigger and action highlighted from the stored offsets."""
    rows = latest_rows(t)
    if not rows:
        return '<p class="empty">No commitments yet.</p>'
    docs = {d["doc_id"]: d for d in t.documents}
    sentences = {(s["doc_id"], s["sentence_idx"]): s for s in t.sentences}
    body = []
    for c in rows:
        doc = docs.get(c["doc_id"])
        spans = [
            (c["action_start"], c["action_end"], "hl-action"),
            (c["trigger_start"], c["trigger_end"], "hl-trigger"),
        ]
        sent = sentences.get((c["doc_id"], c["sentence_idx"]))
        if sent is not None:
            text_html = highlight(sent["text"], sent["start_char"], spans)
        elif doc is not None:  # no sentence row: the document span the commitment covers
            start = min(s for s, _, _ in spans)
            end = max(e for _, e, _ in spans)
            text_html = highlight(doc["text"][start:end], start, spans)
        else:
            text_html = f'<mark class="hl-trigger">{esc(c["trigger"])}</mark> {esc(c["action"])}'
        p = parties.get(c["commitment_id"], {})
        sectors = ", ".join(c.get("sectors") or [])
        body.append(
            f'<tr id="c-{esc(c["commitment_id"])}">'
            f'<td class="date">{esc(_date(c.get("date")))}</td>'
            f"<td>{_names_cell(p.get('actor', []))}</td>"
            f"<td>{_names_cell(p.get('counterpart', []))}</td>"
            f'<td><span class="modality">{esc(c["modality"])}</span></td>'
            f'<td class="pol-{esc(c["polarity"])}">{esc(c["polarity"])}</td>'
            f"<td>{esc(sectors)}</td>"
            f'<td class="ar" dir="rtl" lang="ar">{text_html}</td>'
            f'<td class="src">{_source_cell(doc, c, page_dir)}</td>'
            "</tr>"
        )
    shown = f"the latest {len(rows)} of {len(t.commitments)}" if len(t.commitments) > len(rows) else "all"
    head = "".join(
        f"<th>{h}</th>"
        for h in ("date", "actor(s)", "counterpart(s)", "modality", "polarity", "sectors", "sentence", "source")
    )
    return (
        f'<p class="note">Showing {shown} commitments, latest document date first. In each sentence '
        '<mark class="hl-trigger">the cue</mark> and <mark class="hl-action">the committed action</mark> '
        "are marked.</p>"
        f'<table id="{LATEST_TABLE_ID}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )


# ------------------------------------------------------------------------------------------------ page


def run_header(t: Tables) -> str:
    """The last run (runs table) and the table totals; the only timestamps on the page come from here."""
    totals = [
        ("documents", len(t.documents)),
        ("sentences", len(t.sentences)),
        ("mentions", len(t.mentions)),
        ("entities", len(t.entities)),
        ("commitments", len(t.commitments)),
        ("commitment parties", len(t.parties)),
    ]
    totals_html = " · ".join(f"<b>{n:,}</b> {esc(k)}" for k, n in totals)
    if not t.runs:
        return f'<p class="muted">No run recorded yet.</p><p class="totals">{totals_html}</p>'
    last = max(t.runs, key=lambda r: (r["started_at"], r["run_id"]))
    items = [
        ("last run", f"<code>{esc(last['run_id'])}</code> ({esc(last['status'])})"),
        ("started / ended", f"{esc(_ts(last['started_at']))} / {esc(_ts(last.get('ended_at')))}"),
        ("seconds", esc(last.get("seconds"))),
        ("files", esc(f"{last.get('new_files')} new, {last.get('changed_files')} changed, "
                      f"{last.get('deleted_files')} deleted, {last.get('skipped_files')} unchanged")),
        ("message", esc(last.get("message"))),
        ("models / pipeline", f"<code>{esc(last.get('model_version'))}</code> / "
                              f"<code>{esc(last.get('pipeline_version'))}</code>"),
        ("runs recorded", esc(len(t.runs))),
    ]  # fmt: skip
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in items)
    return f'<dl class="run">{dl}</dl><p class="totals">{totals_html}</p>'


STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, "DejaVu Sans", sans-serif; margin: 0 auto; max-width: 1280px; padding: 0 16px 32px;
       color: #1f2933; background: #fff; }
h1 { font-size: 1.5rem; margin: 16px 0 8px; }
h2 { font-size: 1.15rem; margin: 28px 0 6px; border-bottom: 1px solid #d9e2ec; padding-bottom: 4px; }
dl.run { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; font-size: .9rem; }
dl.run dt { color: #52606d; } dl.run dd { margin: 0; }
.totals { font-size: .95rem; } .muted, .note { color: #616e7c; font-size: .9rem; }
.empty { color: #616e7c; font-style: italic; padding: 12px; background: #f5f7fa; border-radius: 4px; }
nav a { margin-right: 12px; font-size: .9rem; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 24px; }
@media (max-width: 900px) { .grid { grid-template-columns: 1fr; } }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { border-bottom: 1px solid #e4e7eb; padding: 6px 6px; vertical-align: top; text-align: left; }
th { background: #f5f7fa; position: sticky; top: 0; }
td.ar { font-family: "Noto Naskh Arabic", "DejaVu Sans", "Arial", sans-serif; text-align: right;
                    font-size: 1rem; line-height: 1.7; }
td.ar { min-width: 380px; }
td.date { white-space: nowrap; } td.src { min-width: 140px; max-width: 200px; overflow-wrap: anywhere; }
code.ref { display: block; font-size: .75rem; color: #52606d; }
mark.hl-action { background: #d0e8ff; border-radius: 2px; }
mark.hl-trigger { background: #ffd54f; font-weight: 600; border-radius: 2px; }
.pol-negative { color: #c62828; font-weight: 600; } .pol-positive { color: #2e7d32; }
.modality { background: #eef2f7; padding: 1px 6px; border-radius: 8px; }
"""


def _figure_html(fig: go.Figure, div_id: str) -> str:
    return pio.to_html(
        fig, config=PLOTLY_CONFIG, include_plotlyjs=False, include_mathjax=False, full_html=False, div_id=div_id
    )


def _section(sec_id: str, title: str, note: str, fig: go.Figure | None, chart_id: str, empty: str) -> str:
    inner = _figure_html(fig, chart_id) if fig is not None else f'<p class="empty">{esc(empty)}</p>'
    return f'<section id="{sec_id}"><h2>{esc(title)}</h2><p class="note">{esc(note)}</p>{inner}</section>'


def build_html(t: Tables, page_dir: Path, source: str) -> str:
    """The whole page as a string (deterministic for given tables and page location)."""
    names = Names(t.entities)
    parties = _parties(t, names)
    figs = {
        "actors": actor_matrix(t, parties),
        "modality": modality_chart(t),
        "sectors": sector_chart(t),
        "timeline": timeline_chart(t),
        "entities": entity_chart(t, names),
    }
    no_c = "No commitments yet."
    sections = [
        _section("sec-actors", "Who commits towards whom",
                 "Commitments per actor (rows) and counterpart (columns), canonical English names; a joint "
                 "statement counts once for each of its actors.", figs["actors"], CHART_IDS["actors"], no_c),
        '<div class="grid">',
        _section("sec-modality", "By modality and polarity", "Commitment cues by kind; negated ones in red.",
                 figs["modality"], CHART_IDS["modality"], no_c),
        _section("sec-sectors", "By sector", "A commitment tagged with several sectors counts in each.",
                 figs["sectors"], CHART_IDS["sectors"], no_c),
        "</div>",
        _section("sec-timeline", "Over time", "Commitments by the date of their document.",
                 figs["timeline"], CHART_IDS["timeline"], no_c),
        _section("sec-entities", "Most mentioned entities", "Mentions per entity, by type.",
                 figs["entities"], CHART_IDS["entities"], "No entities yet."),
        f'<section id="sec-latest"><h2>Latest commitments</h2>{commitments_table(t, parties, page_dir)}</section>',
    ]  # fmt: skip
    plotly_js = ""
    if any(f is not None for f in figs.values()):
        plotly_js = f'<script type="text/javascript">{get_plotlyjs()}</script>'
    nav = " ".join(
        f'<a href="#{i}">{esc(label)}</a>'
        for i, label in (("sec-actors", "actors"), ("sec-modality", "modality"), ("sec-sectors", "sectors"),
                         ("sec-timeline", "time"), ("sec-entities", "entities"), ("sec-latest", "latest"))
    )  # fmt: skip
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>iltizam — commitments report</title>\n"
        f"<style>{STYLE}</style>\n{plotly_js}\n</head>\n<body>\n"
        f'<header><h1>iltizam — commitments report</h1>{run_header(t)}<nav>{nav}</nav></header>\n'
        + "\n".join(sections)
        + f'\n<footer class="muted"><p>Built from the Parquet tables in <code>{esc(source)}</code>.</p></footer>\n'
        "</body>\n</html>\n"
    )


def render_report(processed: Path, dest: Path | None = None) -> Path:
    """Write the report page for the tables in ``processed`` (default ``processed/report/index.html``),
    atomically (temporary file, then rename), and return its path."""
    processed = Path(processed)
    dest = Path(dest) if dest is not None else report_path(processed)
    tables = load_tables(processed)
    page = build_html(tables, dest.parent, str(processed.resolve()))
    write_bytes_atomic(page.encode("utf-8"), dest)
    return dest
