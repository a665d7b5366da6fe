"""Speed and scale benchmark on real Arabic news: ``python -m bench`` (both sizes) or ``python -m bench --n 200``.

For each size N it draws N articles with a fixed seed from the BBC/CNN/France24 news corpus, writes them as
raw files, and times in separate processes (so peak memory and model loads are not shared):

(a) naive stanza: the same processors and model files, ``nlp(text)`` for each article in one process (what a
    user would write);
(b) bare stanza fed exactly the segments the pipeline feeds, a batch of documents per call, in one process;
(c) the pipeline with its defaults: the extract flow, ingest → Parquet with entities and commitments, into an
    empty folder, on one single-threaded worker process per core;
(d) the same flow again with nothing changed.

Then a Dask section: the pipeline on a local cluster of 1 and of 2 workers (scale-out efficiency). It prints
docs/s, tokens/s, CPU time and peak RSS per phase, and as its last line
``speedup_vs_naive=R1 speedup_vs_batched=R2 rerun/full=R3 rss1000/rss200=R4`` with R1 = (a)/(c), R2 = (b)/(c).
"""
