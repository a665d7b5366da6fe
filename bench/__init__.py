"""Speed and scale benchmark on real Arabic news: ``python -m bench`` (both sizes) or ``python -m bench --n 200``.

For each size N it draws N articles with a fixed seed from the BBC/CNN/France24 news corpus, writes them as
raw files, and times in separate processes (so peak memory and model loads are not shared):

(a) bare stanza: the same processors and model files over the same article texts;
(b) the full pipeline: the extract flow, ingest → Parquet with entities and commitments, into an empty folder;
(c) the same flow again with nothing changed.

It prints docs/s, tokens/s, time per stage, CPU time and peak RSS per phase, and as its last line
``pipeline/stanza=R1 rerun/full=R2 rss1000/rss200=R3``.
"""
