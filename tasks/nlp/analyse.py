"""stanza over documents: sentences, tokens, words (after clitic split) and NER mentions.

Each content segment (a line that is not boilerplate) goes to stanza as its own small document,
so a sentence never crosses a line end (the guideline's rule) and offsets map back to the stored
text by adding the segment's start. All segments of a batch go through stanza in one call, so
stanza's own batches fill across documents.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tasks.ingest.reader import Document
from tasks.text.clitics import CLITIC_UPOS, split_clitics

# Proclitics that stay outside an entity span (guideline); «لل» (ل + ال) is kept whole.
PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك"})


@dataclass
class Analysed:
    """Column lists for one batch, ready to become Arrow tables."""

    sentences: dict[str, list[Any]] = field(default_factory=dict)
    tokens: dict[str, list[Any]] = field(default_factory=dict)
    mentions: dict[str, list[Any]] = field(default_factory=dict)
    per_doc: dict[str, tuple[int, int]] = field(default_factory=dict)  # doc_id → (sentences, words)


def mention_id(doc_id: str, start: int, end: int, type_: str, source: str) -> str:
    """Deterministic: the same span of the same document always gets the same id."""
    return hashlib.sha256(f"{doc_id}:{start}:{end}:{type_}:{source}".encode()).hexdigest()[:16]


def word_offsets(token_text: str, token_start: int, words: Sequence[str]) -> tuple[list[tuple[int, int]], bool]:
    """Character spans of the words of one token.

    When the words spell the token exactly (the usual case for Arabic clitics) each word gets its
    own slice; otherwise (an expansion that restores letters) every word keeps the token's span.
    """
    if "".join(words) == token_text:
        spans, pos = [], token_start
        for w in words:
            spans.append((pos, pos + len(w)))
            pos += len(w)
        return spans, True
    end = token_start + len(token_text)
    return [(token_start, end)] * len(words), len(words) == 1


def trim_proclitic(token_text: str, words: Sequence[str]) -> int:
    """How many characters of a token's start are a proclitic outside an entity span."""
    if len(words) < 2 or words[0] not in PROCLITICS:
        return 0
    if token_text.startswith("لل") and words[0] == "ل":
        return 0  # the ل+ال contraction: the whole word is the surface
    if not token_text.startswith(words[0]):
        return 0
    return len(words[0])


WordRow = tuple[str, Any, Any, Any, Any, Any, Any]  # text, lemma, upos, xpos, feats, head, deprel


def _word_rows(tok: Any) -> list[WordRow]:
    """The token's words from stanza, with the clitic back-off applied to tokens it left whole."""
    words = [(w.text, w.lemma, w.upos, w.xpos, w.feats, w.head, w.deprel) for w in tok.words]
    if len(words) != 1:
        return words
    parts = split_clitics(tok.text)
    if not parts:
        return words
    _, lemma, upos, xpos, feats, _, _ = words[0]
    rest = parts[-1]
    clitic = "".join(parts[:-1])
    if isinstance(lemma, str) and lemma.startswith(clitic) and len(lemma) > len(clitic):
        lemma = lemma[len(clitic) :]
    out: list[WordRow] = [(p, p, CLITIC_UPOS.get(p), None, None, None, None) for p in parts[:-1]]
    out.append((rest, lemma, upos, xpos, feats, None, None))
    return out


def _columns(names: Sequence[str]) -> dict[str, list[Any]]:
    return {n: [] for n in names}


SENT_COLS = ("doc_id", "sentence_idx", "start_char", "end_char", "text", "is_title")
TOKEN_COLS = (
    "doc_id", "sentence_idx", "token_idx", "word_idx", "token_text", "text", "lemma", "upos", "xpos",
    "feats", "head", "deprel", "start_char", "end_char", "token_start_char", "token_end_char",
    "is_multiword", "offsets_exact",
)  # fmt: skip
MENTION_COLS = (
    "mention_id", "doc_id", "sentence_idx", "start_char", "end_char", "text", "type", "source", "score",
    "entity_id",
)  # fmt: skip


def analyse(nlp: Any, docs: Sequence[Document]) -> Analysed:
    """Run stanza once over every segment of every document and collect rows with document offsets."""
    import stanza

    jobs: list[tuple[Document, int, bool]] = []
    inputs = []
    for doc in docs:
        for seg in doc.segments:
            jobs.append((doc, seg.start, seg.kind == "title"))
            inputs.append(stanza.Document([], text=doc.text[seg.start : seg.end]))
    results = nlp(inputs) if inputs else []

    out = Analysed(_columns(SENT_COLS), _columns(TOKEN_COLS), _columns(MENTION_COLS))
    s_cols, t_cols, m_cols = out.sentences, out.tokens, out.mentions
    next_sentence: dict[str, int] = {d.doc_id: 0 for d in docs}
    words_in_doc: dict[str, int] = {d.doc_id: 0 for d in docs}
    for (doc, base, is_title), sdoc in zip(jobs, results, strict=True):
        text = doc.text
        for sent in sdoc.sentences:
            if not sent.tokens:
                continue
            s_idx = next_sentence[doc.doc_id]
            next_sentence[doc.doc_id] += 1
            s_start = base + sent.tokens[0].start_char
            s_end = base + sent.tokens[-1].end_char
            for col, val in zip(
                SENT_COLS, (doc.doc_id, s_idx, s_start, s_end, text[s_start:s_end], is_title), strict=True
            ):
                s_cols[col].append(val)
            word_idx = 0
            token_words: dict[int, tuple[str, list[str], int]] = {}
            for t_idx, tok in enumerate(sent.tokens):
                t_start, t_end = base + tok.start_char, base + tok.end_char
                words = _word_rows(tok)
                forms = [w[0] for w in words]
                spans, exact = word_offsets(tok.text, t_start, forms)
                token_words[t_start] = (tok.text, forms, t_end)
                for (form, lemma, upos, xpos, feats, head, deprel), (w_start, w_end) in zip(words, spans, strict=True):
                    row = (
                        doc.doc_id, s_idx, t_idx, word_idx, tok.text, form, lemma, upos, xpos,
                        feats, head, deprel, w_start, w_end, t_start, t_end, len(forms) > 1, exact,
                    )  # fmt: skip
                    for col, val in zip(TOKEN_COLS, row, strict=True):
                        t_cols[col].append(val)
                    word_idx += 1
            words_in_doc[doc.doc_id] += word_idx
            for ent in getattr(sent, "ents", []) or []:
                start, end = base + ent.start_char, base + ent.end_char
                first = token_words.get(start)
                if first is not None:
                    start += trim_proclitic(first[0], first[1])
                if start >= end:
                    continue
                row = (
                    mention_id(doc.doc_id, start, end, ent.type, "stanza"), doc.doc_id, s_idx, start, end,
                    text[start:end], ent.type, "stanza", None, None,
                )  # fmt: skip
                for col, val in zip(MENTION_COLS, row, strict=True):
                    m_cols[col].append(val)
    out.per_doc = {d.doc_id: (next_sentence[d.doc_id], words_in_doc[d.doc_id]) for d in docs}
    return out
