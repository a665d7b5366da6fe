"""stanza over documents: sentences, tokens, words (after clitic split) and NER mentions.

Each content segment (a line that is not boilerplate) goes to stanza as its own small document,
so a sentence never crosses a line end (the guideline's rule) and offsets map back to the stored
text by adding the segment's start. All segments of a batch go through stanza in one call, so
stanza's own batches fill across documents. ``analyse_documents`` gives one typed ``DocAnalysis`` per
document (tasks/document.py); ``analyse`` is the old column-dict view of it, kept until its last callers go.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from tasks.document import DocAnalysis, MentionRecord, SentenceRecord, WordRecord
from tasks.ingest.reader import Document
from tasks.stages import Stage
from tasks.text.clitics import CLITIC_UPOS, split_clitics

LINE_END_PAD = " ."  # see line_end_pad
# Proclitics that stay outside an entity span (guideline); «لل» (ل + ال) is kept whole.
PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك"})

STAGE = Stage(
    "nlp",
    requires=frozenset({"document"}),
    provides=frozenset({"sentences", "words", "ner_mentions"}),
    doc="stanza: sentences, words after the clitic split, the model's named-entity spans",
)


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


_WordTuple = tuple[str, Any, Any, Any, Any, Any, Any]  # text, lemma, upos, xpos, feats, head, deprel


def _word_rows(tok: Any) -> list[_WordTuple]:
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
    out: list[_WordTuple] = [(p, p, CLITIC_UPOS.get(p), None, None, None, None) for p in parts[:-1]]
    out.append((rest, lemma, upos, xpos, feats, None, None))
    return out


def _inside_word_break(text: str, end: int, start: int) -> bool:
    """Is a sentence break at ``end``/``start`` a dot inside a run of letters or digits («17.9», «84.540»,
    «العربية.نت», «سي.بي.إس»)? The guideline: such a dot does not end a sentence."""
    return (
        end == start and end >= 2 and start < len(text)
        and text[end - 1] == "." and text[end - 2].isalnum() and text[start].isalnum()
    )  # fmt: skip


def sentence_groups(sentences: Sequence[Any], text: str) -> list[list[Any]]:
    """stanza's sentences of one segment, those split at a dot inside a word joined again (in order)."""
    groups: list[list[Any]] = []
    for sent in sentences:
        if not sent.tokens:
            continue
        if groups and _inside_word_break(text, groups[-1][-1].tokens[-1].end_char, sent.tokens[0].start_char):
            groups[-1].append(sent)
        else:
            groups.append([sent])
    return groups


def line_end_pad(segment: str) -> str:
    """What stanza gets after a segment: a line that ends in a letter or digit (a headline, a line with no
    full stop) gets « .», because the bundled tokenizer otherwise cuts the last letter off its final word
    («لندن» → «لند» + «ن»: 29 of 747 gold-set sentences) and the NER then misses it. Its tokens are dropped."""
    return LINE_END_PAD if segment[-1:].isalnum() else ""


def analyse_documents(nlp: Any, docs: Sequence[Document]) -> list[DocAnalysis]:
    """Run stanza once over every segment of every document; one analysis per document (in order) with
    its sentences, words and the model's mentions, all in document offsets."""
    import stanza

    jobs: list[tuple[int, int, bool, int]] = []  # (document index, segment start, is title, segment length)
    inputs = []
    for i, doc in enumerate(docs):
        for seg in doc.segments:
            seg_text = doc.text[seg.start : seg.end]
            jobs.append((i, seg.start, seg.kind == "title", len(seg_text)))
            inputs.append(stanza.Document([], text=seg_text + line_end_pad(seg_text)))
    results = nlp(inputs) if inputs else []

    sentences: list[list[SentenceRecord]] = [[] for _ in docs]
    words: list[list[WordRecord]] = [[] for _ in docs]
    mentions: list[list[MentionRecord]] = [[] for _ in docs]
    for (i, base, is_title, seg_len), sdoc in zip(jobs, results, strict=True):
        doc = docs[i]
        doc_id, text = doc.doc_id, doc.text
        for group in sentence_groups(sdoc.sentences, sdoc.text):
            tokens = [tok for sent in group for tok in sent.tokens if tok.start_char < seg_len]  # not the pad
            if not tokens:
                continue
            # stanza's heads count the words of their own sentence: joined sentences shift the later ones
            shifts = [sum(len(t.words) for sent in group[:k] for t in sent.tokens) for k in range(len(group))]
            shift_of = {id(tok): shifts[k] for k, sent in enumerate(group) for tok in sent.tokens}
            s_idx = len(sentences[i])
            s_start = base + tokens[0].start_char
            s_end = base + tokens[-1].end_char
            sentences[i].append(SentenceRecord(doc_id, s_idx, s_start, s_end, text[s_start:s_end], is_title))
            word_idx = 0
            token_words: dict[int, tuple[str, list[str], int]] = {}
            for t_idx, tok in enumerate(tokens):
                t_start, t_end = base + tok.start_char, base + tok.end_char
                rows = _word_rows(tok)
                forms = [w[0] for w in rows]
                spans, exact = word_offsets(tok.text, t_start, forms)
                token_words[t_start] = (tok.text, forms, t_end)
                shift = shift_of[id(tok)]
                for (form, lemma, upos, xpos, feats, head, deprel), (w_start, w_end) in zip(rows, spans, strict=True):
                    head = head + shift if isinstance(head, int) and head > 0 else head
                    words[i].append(WordRecord(
                        doc_id, s_idx, t_idx, word_idx, tok.text, form, lemma, upos, xpos, feats, head, deprel,
                        w_start, w_end, t_start, t_end, len(forms) > 1, exact,
                    ))  # fmt: skip
                    word_idx += 1
            for ent in [e for sent in group for e in (getattr(sent, "ents", []) or []) if e.start_char < seg_len]:
                start, end = base + ent.start_char, base + min(ent.end_char, seg_len)
                first = token_words.get(start)
                if first is not None:
                    start += trim_proclitic(first[0], first[1])
                if start >= end:
                    continue
                mentions[i].append(MentionRecord(
                    mention_id(doc_id, start, end, ent.type, "stanza"), doc_id, s_idx, start, end,
                    text[start:end], ent.type, "stanza", None, None,
                ))  # fmt: skip
    return [
        DocAnalysis(doc, tuple(sentences[i]), tuple(words[i]), tuple(mentions[i])) for i, doc in enumerate(docs)
    ]
