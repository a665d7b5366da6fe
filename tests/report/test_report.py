"""The analyst report: unit tests on hand-built tables, and the real page of the five samples opened in
headless Chromium (console errors, rendered charts, right-to-left Arabic cells, highlights, no network)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tasks.build.browser import Chromium, find_chromium, wait_for_plots
from tasks.errors import BrowserError, ReportError
from tasks.report.page import CHART_IDS, LATEST_TABLE_ID, highlight, render_report, report_path
from tasks.store.parquet import read_table, to_table, write_parquet
from tasks.store.runs import RunRecord, key_figures, report_href, summary_markdown
from tasks.store.schema import TABLES

TITLE = "رئيس مجلس الدولة يدعو الصين وقيرغيزستان إلى التركيز على التعاون"
SENTENCE = (
    "وقال لي إن الصين مستعدة للعمل مع قيرغيزستان من أجل التنفيذ الكامل للتوافق المهم الذي توصل إليه رئيسا البلدين."
)
TEXT = f"{TITLE}\n{SENTENCE}\n"
TRIGGER = "مستعدة"
ACTION = "للعمل مع قيرغيزستان من أجل التنفيذ الكامل للتوافق المهم الذي توصل إليه رئيسا البلدين"


# ------------------------------------------------------------------------------------------ helpers


def write_tables(out: Path, **columns: dict[str, list[Any]]) -> Path:
    """Every table the report reads, from the given columns (the others empty), as the pipeline writes them.
    Columns a test leaves out are null (to_table is strict, so the fixture says so itself)."""
    for name in ("documents", "sentences", "mentions", "entities", "commitments", "commitment_parties", "runs"):
        given = columns.get(name, {})
        n = len(next(iter(given.values()), []))
        full = {f.name: given.get(f.name, [None] * n) for f in TABLES[name]}
        write_parquet(to_table(name, full), out / name / "part-0.parquet")
    return out


def one_commitment(out: Path, actor_name: str = "China", sentence: str = SENTENCE, doc_path: str = "") -> Path:
    """One document (title + one sentence of a real Xinhua article), one commitment China → Kyrgyzstan."""
    text = f"{TITLE}\n{sentence}\n"
    s0 = text.index(sentence)
    t0 = text.index(TRIGGER, s0)
    a0 = text.index(ACTION, s0)
    return write_tables(
        out,
        documents={"doc_id": ["d1"], "source_path": [doc_path or "/nowhere/000.txt"], "sha256": ["x"],
                   "title": [TITLE], "published_date": [dt.date(2023, 10, 25)], "text": [text]},
        sentences={"doc_id": ["d1", "d1"], "sentence_idx": [0, 1], "start_char": [0, s0],
                   "end_char": [len(TITLE), s0 + len(sentence)], "text": [TITLE, sentence], "is_title": [True, False]},
        mentions={"mention_id": ["m1", "m2"], "doc_id": ["d1", "d1"], "sentence_idx": [1, 1],
                  "start_char": [text.index("الصين", s0), text.index("قيرغيزستان", s0)],
                  "end_char": [text.index("الصين", s0) + 5, text.index("قيرغيزستان", s0) + 10],
                  "text": ["الصين", "قيرغيزستان"], "type": ["GPE", "GPE"], "source": ["kb", "kb"],
                  "entity_id": ["Q148", "Q813"]},
        entities={"entity_id": ["Q148", "Q813"], "type": ["GPE", "GPE"], "canonical_name": [actor_name, "Kyrgyzstan"],
                  "name_ar": ["الصين", "قيرغيزستان"], "canonical_source": ["kb", "kb"]},
        commitments={"commitment_id": ["c1"], "doc_id": ["d1"], "sentence_idx": [1], "trigger": [TRIGGER],
                     "trigger_start": [t0], "trigger_end": [t0 + len(TRIGGER)], "modality": ["readiness"],
                     "polarity": ["positive"], "action": [ACTION], "action_start": [a0],
                     "action_end": [a0 + len(ACTION)], "sectors": [["politics"]], "date": [dt.date(2023, 10, 25)],
                     "rule": ["cue:lexical|subject:after_complementizer|counterpart:preposition|speaker:none|"
                              "sentence:body"]},
        commitment_parties={"commitment_id": ["c1", "c1"], "entity_id": ["Q148", "Q813"],
                            "role": ["actor", "counterpart"]},
    )  # fmt: skip


class Page(HTMLParser):
    """Checks that tags balance and collects the text of each <mark> class and of the Arabic cells."""

    VOID = frozenset({"meta", "br", "link", "img", "input", "hr", "wbr"})

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.marks: dict[str, str] = {}
        self.cells: list[dict[str, Any]] = []
        self.mismatched: list[str] = []
        self.in_cell = False
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "td" and "ar" in (a.get("class") or "").split():
            self.cells.append({"dir": a.get("dir"), "lang": a.get("lang"), "text": ""})
            self.in_cell = True
        if tag not in self.VOID:
            self.stack.append(tag if tag != "mark" else f"mark:{a.get('class', '')}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self.in_cell = False
        if not self.stack or self.stack[-1].split(":")[0] != tag:
            self.mismatched.append(tag)
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for entry in self.stack:
            if entry.startswith("mark:"):
                for cls in entry[5:].split():
                    self.marks[cls] = self.marks.get(cls, "") + data
        if self.in_cell:
            self.cells[-1]["text"] += data


# --------------------------------------------------------------------------------------- unit tests


def test_highlight_cuts_overlapping_spans_without_nesting_and_escapes():
    text = "قال إن <الصين> ستعمل"
    base = 100
    start = base + text.index("ستعمل")
    html = highlight(text, base, [(start, start + 5, "hl-action"), (start, start + 1, "hl-trigger")])
    assert html.endswith('<mark class="hl-action hl-trigger">س</mark><mark class="hl-action">تعمل</mark>')
    assert "&lt;الصين&gt;" in html and "<الصين>" not in html
    # spans reaching outside the text are clipped, empty ones dropped
    assert highlight("abc", 10, [(5, 11, "x"), (20, 30, "y")]) == '<mark class="x">a</mark>bc'


def test_empty_tables_render_a_valid_page_saying_no_commitments_yet(tmp_path):
    write_tables(tmp_path)
    page = render_report(tmp_path)
    assert page == tmp_path / "report" / "index.html"
    html = page.read_text()
    parsed = Page(html)
    assert not parsed.mismatched and not parsed.stack
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert html.count("No commitments yet.") == 5 and "No entities yet." in html
    assert "No run recorded yet." in html
    assert "Plotly.newPlot" not in html and "plotly.js" not in html  # nothing to draw: no 4.8 MB script


def test_no_tables_is_an_error_naming_the_folder_and_the_fix(tmp_path, capsys):
    with pytest.raises(ReportError, match=re.escape(str(tmp_path)) + r".*Fix: run the pipeline first"):
        render_report(tmp_path)
    from flows.report import main

    assert main(["--out", str(tmp_path / "nothing")]) == 1
    err = capsys.readouterr().err
    assert f"no tables in {tmp_path / 'nothing'}" in err and "flows.extract" in err
    assert not (tmp_path / "report").exists()


def test_commitment_row_highlights_trigger_and_action_in_the_arabic_sentence(tmp_path):
    raw = tmp_path / "raw" / "000 sample.txt"
    raw.parent.mkdir()
    raw.write_text(TEXT)
    out = one_commitment(tmp_path / "processed", doc_path=str(raw))
    html = render_report(out).read_text()
    parsed = Page(html)
    assert not parsed.mismatched and not parsed.stack
    assert parsed.marks["hl-trigger"] == "the cue" + TRIGGER  # the legend, then the row
    assert parsed.marks["hl-action"] == "the committed action" + ACTION
    (cell,) = parsed.cells
    assert (cell["dir"], cell["lang"], cell["text"]) == ("rtl", "ar", SENTENCE)
    row = html[html.index('<tr id="c-c1">') :]
    row = row[: row.index("</tr>")]
    assert ">China<" in row and ">Kyrgyzstan<" in row and ">readiness<" in row and ">politics<" in row
    assert '<a href="../../raw/000%20sample.txt"' in row  # relative link to the raw file, URL-quoted
    t0, a1 = TEXT.index(TRIGGER), TEXT.index(ACTION) + len(ACTION)
    assert f"d1#chars={t0}-{a1}" in row
    for chart in CHART_IDS.values():
        assert f'id="{chart}"' in html
    assert html.count("plotly.js v") == 1  # inlined once
    lib_start = html.index("/**\n* plotly.js v")
    page_only = html[:lib_start] + html[html.index("</script>", lib_start) :]  # the library names CDNs it never uses
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|https?://|mathjax|@import|url\(", page_only, flags=re.I)


def test_everything_is_escaped(tmp_path):
    evil = "<script>alert(1)</script>"
    out = one_commitment(tmp_path, actor_name=f"China {evil}", sentence=SENTENCE.replace("إن ", f"إن {evil} "))
    html = render_report(out).read_text()
    assert evil not in html
    assert "China &lt;script&gt;alert(1)&lt;/script&gt;" in html  # the table cell
    assert "China \\u003cscript\\u003ealert(1)\\u003c\\u002fscript\\u003e" in html  # the chart data (JSON)
    parsed = Page(html)
    assert not parsed.mismatched and not parsed.stack
    assert evil in parsed.cells[0]["text"]  # shown as text


def test_rendering_unchanged_tables_gives_identical_bytes_atomically(tmp_path):
    out = one_commitment(tmp_path)
    first = render_report(out).read_bytes()
    second = render_report(out).read_bytes()
    assert first == second
    assert sorted(p.name for p in (out / "report").iterdir()) == ["index.html"]  # no temporary file left


def test_latest_commitments_come_latest_date_first_undated_last(tmp_path):
    one_commitment(tmp_path)
    c = read_table(tmp_path, "commitments").to_pylist()[0]
    rows = [{**c, "commitment_id": cid, "date": d} for cid, d in
            (("old", dt.date(2021, 1, 1)), ("none", None), ("new", dt.date(2024, 5, 1)))]  # fmt: skip
    cols = {f.name: [r[f.name] for r in rows] for f in TABLES["commitments"]}
    write_parquet(to_table("commitments", cols), tmp_path / "commitments" / "part-0.parquet")
    html = render_report(tmp_path).read_text()
    assert re.findall(r'<tr id="c-(\w+)">', html) == ["new", "old", "none"]
    assert '<td class="date">no date</td>' in html


def test_run_summary_links_the_report(tmp_path):
    record = RunRecord("r1", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    page = tmp_path / "my processed" / "report" / "index.html"
    md = summary_markdown(record, tmp_path, report=page)
    assert f"| report | [{page}]({page.resolve().as_uri()}) |" in md
    assert "%20processed" in md
    assert "| report |" not in summary_markdown(record, tmp_path)


def test_the_report_task_renders_the_folder(tmp_path):
    from flows.report import report_task

    out = one_commitment(tmp_path)
    assert report_task.fn(str(out)) == str(report_path(out))


# ------------------------------------------------------------------------------------ in the browser


def _browser() -> Chromium:
    """A browser, or a failure (not a skip) saying that `make test` installs it; -m "not browser" skips."""
    missing = None
    try:
        find_chromium()
    except BrowserError as exc:
        missing = str(exc)
    if missing:
        pytest.fail(missing, pytrace=False)
    return Chromium(width=1280, height=900)


@pytest.fixture(scope="module")
def sample_report(sample_run: Path) -> Path:
    """The page the extract run wrote as its last step; rendering again gives the same bytes."""
    page = sample_run / "report" / "index.html"
    assert page.is_file(), "the extract flow writes the report after publishing the tables"
    before = page.read_bytes()
    assert render_report(sample_run) == page and page.read_bytes() == before
    return page


@pytest.fixture(scope="module")
def opened(sample_report: Path) -> Iterator[tuple[Chromium, dict[str, int]]]:
    """The samples' report open in headless Chromium once its charts rendered: (browser, charts)."""
    with _browser() as browser:
        browser.open(sample_report.resolve().as_uri())
        charts = wait_for_plots(browser, list(CHART_IDS.values()))
        yield browser, charts


@pytest.mark.slow
@pytest.mark.browser
def test_samples_report_has_no_console_error_and_fetches_nothing(opened, sample_report):
    browser, _ = opened
    assert browser.errors == []
    assert browser.requests[0] == sample_report.resolve().as_uri()
    assert browser.remote_requests == []


@pytest.mark.slow
@pytest.mark.browser
def test_samples_report_draws_every_chart(opened):
    _, charts = opened
    assert charts == {i: charts[i] for i in CHART_IDS.values()} and all(n > 0 for n in charts.values()), charts
    # the matrix has the real actors of the samples
    labels = opened[0].evaluate(f"[...document.querySelectorAll('#{CHART_IDS['actors']} .ytick text')]"
                                ".map(t => t.textContent)")  # fmt: skip
    assert {"China", "Kyrgyzstan", "Kazakhstan"} <= set(labels)


@pytest.mark.slow
@pytest.mark.browser
def test_samples_report_arabic_cells_are_right_to_left_with_stored_spans_marked(opened, sample_run):
    browser, _ = opened
    rows = browser.evaluate(f"""[...document.querySelectorAll('#{LATEST_TABLE_ID} tbody tr')].map(tr => {{
        const ar = tr.querySelector('td.ar');
        const text = cls => [...ar.querySelectorAll('mark.' + cls)].map(m => m.textContent).join('');
        return {{id: tr.id.slice(2), dir: getComputedStyle(ar).direction, lang: ar.lang,
                 trigger: text('hl-trigger'), action: text('hl-action'), text: ar.textContent}};
    }})""")
    assert browser.evaluate("getComputedStyle(document.body).direction") == "ltr"
    commitments = {c["commitment_id"]: c for c in read_table(sample_run, "commitments").to_pylist()}
    assert len(rows) == min(50, len(commitments)) > 0
    docs = {d["doc_id"]: d["text"] for d in read_table(sample_run, "documents").to_pylist()}
    sents = {(s["doc_id"], s["sentence_idx"]): s for s in read_table(sample_run, "sentences").to_pylist()}
    for r in rows:
        c = commitments[r["id"]]
        s = sents[(c["doc_id"], c["sentence_idx"])]
        assert (r["dir"], r["lang"], r["text"]) == ("rtl", "ar", s["text"])
        assert r["trigger"] == c["trigger"]
        a0, a1 = max(c["action_start"], s["start_char"]), min(c["action_end"], s["end_char"])
        assert r["action"] == docs[c["doc_id"]][a0:a1]


@pytest.mark.slow
@pytest.mark.browser
def test_samples_report_screenshot(opened, tmp_path_factory):
    browser, _ = opened
    png = browser.screenshot(tmp_path_factory.mktemp("report_screenshot") / "report.png")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(data[16:20], "big") == 1280
    assert int.from_bytes(data[20:24], "big") > 2000  # the whole page, not the first screen
    print(f"report screenshot: {png}")


@pytest.mark.browser
def test_empty_report_opens_without_errors(tmp_path):
    page = render_report(write_tables(tmp_path))
    with _browser() as browser:
        browser.open(page.resolve().as_uri())
        assert browser.evaluate("document.body.innerText").count("No commitments yet.") == 5
        absent = dict.fromkeys(CHART_IDS.values(), -1)
        assert wait_for_plots(browser, list(CHART_IDS.values()), timeout_ms=500) == absent
        assert browser.errors == [] and browser.remote_requests == []


def test_while_served_the_run_summary_links_the_report_over_http(tmp_path, monkeypatch):
    import urllib.request

    from flows.serve import serve_reports
    from tasks.settings import REPORT_BASE_ENV, REPORT_ROOT_ENV

    out = one_commitment(tmp_path / "my out")
    page = render_report(out)
    for key in (REPORT_BASE_ENV, REPORT_ROOT_ENV):
        monkeypatch.delenv(key, raising=False)
    httpd = serve_reports(out, port=0)  # any free port
    assert httpd is not None
    try:
        href = report_href(page)
        assert href == f"http://127.0.0.1:{httpd.server_address[1]}/report/index.html"
        assert f"({href})" in summary_markdown(RunRecord("r1", dt.datetime(2026, 1, 1, tzinfo=dt.UTC)), out,
                                               report=page)  # fmt: skip
        with urllib.request.urlopen(href, timeout=10) as resp:  # the UI's browser gets the page itself
            assert resp.status == 200 and resp.read() == page.read_bytes()
        # a report outside the served folder keeps its file:// address
        other = tmp_path / "elsewhere" / "report" / "index.html"
        assert report_href(other) == other.resolve().as_uri()
    finally:
        httpd.shutdown()


def test_key_figures_are_the_rows_added_and_the_totals():
    record = RunRecord("r1", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    record.documents_added, record.documents, record.commitments_added, record.commitments = 2, 7, 5, 40
    rows = {r["table"]: (r["added"], r["total"]) for r in key_figures(record)}
    assert rows["documents"] == (2, 7) and rows["commitments"] == (5, 40) and set(rows) == {
        "documents", "mentions", "commitments", "quarantine"}  # fmt: skip
