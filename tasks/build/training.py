"""Train the bundled Arabic stanza models from the open corpora in ``../shared/corpora``.

Every step is a plain function; ``flows/train_models.py`` only wires them together. stanza's own
training entry points run in subprocesses so that two jobs can share the 2 cores (one thread each)
and a crash in one cannot take the flow down with a half-written model.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tasks.errors import TrainingError
from tasks.nlp.models import CHARLM_FILES, CHARLM_SHORTHAND

SEED = 1234

# Latin punctuation in PUD (a translated treebank) → the Arabic forms real news uses.
ARABIC_PUNCT = {",": "،", ";": "؛", "?": "؟"}
_TOKEN_RE = re.compile(r"[\w\u0600-\u06FF\u0750-\u077F]+|[^\w\s]", re.UNICODE)


# --------------------------------------------------------------------------- CoNLL-U


@dataclass
class ConllSentence:
    """One sentence: its comments, word rows (10 columns each) and the document it belongs to."""

    doc_id: str
    sent_id: str
    text: str
    rows: list[list[str]]
    comments: list[str] = field(default_factory=list)


def read_conllu(path: Path) -> list[ConllSentence]:
    """Read a CoNLL-U file, remembering each sentence's document (``# newdoc id``)."""
    sentences: list[ConllSentence] = []
    doc_id = "doc0"
    comments: list[str] = []
    rows: list[list[str]] = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip():
                if rows:
                    sentences.append(_make_sentence(doc_id, comments, rows))
                comments, rows = [], []
                continue
            if line.startswith("#"):
                m = re.match(r"#\s*newdoc id\s*=\s*(\S+)", line)
                if m:
                    doc_id = m.group(1)
                comments.append(line)
                continue
            rows.append(line.split("\t"))
    if rows:
        sentences.append(_make_sentence(doc_id, comments, rows))
    return sentences


def _make_sentence(doc_id: str, comments: list[str], rows: list[list[str]]) -> ConllSentence:
    sent_id = text = ""
    for c in comments:
        if c.startswith("# sent_id"):
            sent_id = c.split("=", 1)[1].strip()
        elif c.startswith("# text ="):
            text = c.split("=", 1)[1].strip()
    return ConllSentence(doc_id, sent_id, text, rows, [c for c in comments if not c.startswith("# newdoc")])


def _misc_has_no_space(misc: str) -> bool:
    return "SpaceAfter=No" in misc.split("|")


def _misc_without_space(misc: str) -> str:
    parts = [p for p in misc.split("|") if p and p != "_" and p != "SpaceAfter=No"]
    return "|".join(parts) or "_"


def add_multiword_tokens(sentence: ConllSentence) -> list[str]:
    """Return CoNLL-U lines where clitic runs (words joined by SpaceAfter=No) become multi-word tokens.

    PUD writes «وقيرغيزستان» as two words without a token line; stanza's tokenizer and MWT
    expander learn clitic splitting only from explicit ``i-j`` token lines.
    """
    rows = sentence.rows
    out: list[str] = []
    i = 0
    while i < len(rows):
        j = i
        while (
            j + 1 < len(rows)
            and _misc_has_no_space(rows[j][9])
            and rows[j][3] != "PUNCT"
            and rows[j + 1][3] != "PUNCT"
        ):
            j += 1
        if j > i:
            surface = "".join(r[1] for r in rows[i : j + 1])
            misc = "SpaceAfter=No" if _misc_has_no_space(rows[j][9]) else "_"
            out.append("\t".join([f"{rows[i][0]}-{rows[j][0]}", surface] + ["_"] * 7 + [misc]))
            for r in rows[i : j + 1]:
                out.append("\t".join([*r[:9], _misc_without_space(r[9])]))
        else:
            out.append("\t".join(rows[i]))
        i = j + 1
    return out


def arabise_punctuation(sentence: ConllSentence) -> ConllSentence:
    """Swap Latin , ; ? for ، ؛ ؟ in text, forms and lemmas (PUD is translated; news uses Arabic marks)."""

    def sub(s: str) -> str:
        return "".join(ARABIC_PUNCT.get(ch, ch) for ch in s)

    rows = [[r[0], sub(r[1]), sub(r[2]), *r[3:]] for r in sentence.rows]
    comments = [("# text = " + sub(sentence.text)) if c.startswith("# text =") else c for c in sentence.comments]
    return ConllSentence(sentence.doc_id, sentence.sent_id, sub(sentence.text), rows, comments)


def split_by_document(
    sentences: Sequence[ConllSentence], dev: float = 0.1, test: float = 0.1, seed: int = SEED
) -> tuple[list[ConllSentence], list[ConllSentence], list[ConllSentence]]:
    """Split into train/dev/test keeping each document's sentences together (fixed seed)."""
    docs: dict[str, list[ConllSentence]] = {}
    for s in sentences:
        docs.setdefault(s.doc_id, []).append(s)
    ids = sorted(docs)
    random.Random(seed).shuffle(ids)
    total = len(sentences)
    parts: list[list[ConllSentence]] = [[], [], []]
    targets = [test * total, dev * total]
    for doc in ids:
        if len(parts[2]) < targets[0]:
            parts[2].extend(docs[doc])
        elif len(parts[1]) < targets[1]:
            parts[1].extend(docs[doc])
        else:
            parts[0].extend(docs[doc])
    return parts[0], parts[1], parts[2]


def write_conllu(sentences: Iterable[ConllSentence], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for s in sentences:
            for c in s.comments:
                f.write(c + "\n")
            for line in add_multiword_tokens(s):
                f.write(line + "\n")
            f.write("\n")


def write_paragraph_text(sentences: Sequence[ConllSentence], path: Path, per_paragraph: int = 8) -> None:
    """Raw text with sentences grouped into paragraphs, so the tokenizer learns sentence splitting."""
    paragraphs = [
        " ".join(s.text for s in sentences[i : i + per_paragraph])
        for i in range(0, len(sentences), per_paragraph)
    ]
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- data preparation


@dataclass(frozen=True)
class PreparedData:
    """Paths of every prepared training file, shared by the training steps."""

    root: Path

    def p(self, name: str) -> Path:
        return self.root / name


def prepare_ud(conllu: Path, out: Path, limit: int | None = None, seed: int = SEED) -> dict[str, int]:
    """PUD → train/dev/test CoNLL-U with MWT lines, raw paragraph text and tokenizer labels."""
    from stanza.utils.datasets import prepare_tokenizer_data

    out.mkdir(parents=True, exist_ok=True)
    sentences = read_conllu(conllu)
    if limit:
        sentences = sentences[:limit]
    rng = random.Random(seed)
    sentences = [arabise_punctuation(s) if rng.random() < 0.5 else s for s in sentences]
    splits = dict(zip(("train", "dev", "test"), split_by_document(sentences, seed=seed), strict=True))
    counts = {}
    for name, part in splits.items():
        write_conllu(part, out / f"ud.{name}.conllu")
        write_paragraph_text(part, out / f"ud.{name}.txt")
        prepare_tokenizer_data.main(
            [
                str(out / f"ud.{name}.txt"),
                str(out / f"ud.{name}.conllu"),
                "-o",
                str(out / f"ud.{name}.toklabels"),
                "-m",
                str(out / f"ud.{name}.mwt.json"),
            ]
        )
        counts[name] = len(part)
    return counts


def _clean_bio(tags: list[str]) -> list[str]:
    """AQMAR tags → valid BIO over PER/LOC/ORG/MISC (MIS0-3 and stray variants are MISC)."""
    out: list[str] = []
    prev = "O"
    for t in tags:
        if t in ("O", "OO") or "-" not in t:
            out.append("O")
            prev = "O"
            continue
        prefix, label = t.split("-", 1)
        label = label.upper()
        if label.startswith("MIS"):
            label = "MISC"
        elif label == "PERS":
            label = "PER"
        if label not in ("PER", "LOC", "ORG", "MISC") or prefix not in ("B", "I"):
            out.append("O")
            prev = "O"
            continue
        if prefix == "I" and prev[2:] != label:
            prefix = "B"
        tag = f"{prefix}-{label}"
        out.append(tag)
        prev = tag
    return out


def read_bio(path: Path) -> list[list[tuple[str, str]]]:
    """Read a token-per-line BIO file (AQMAR, ANERcorp) into sentences of (token, tag)."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            parts = raw.split()
            if not parts:
                if current:
                    sentences.append(current)
                current = []
                continue
            if parts[0] == "-DOCSTART-":
                continue
            tok, tag = (parts[0], parts[-1]) if len(parts) >= 2 else (parts[0], "O")
            current.append((tok, tag))
            if tok in (".", "؟", "!", "?") and len(parts) >= 2 and tag == "O" and len(current) > 60:
                sentences.append(current)
                current = []
    if current:
        sentences.append(current)
    cleaned = []
    for sent in sentences:
        tags = _clean_bio([t for _, t in sent])
        cleaned.append([(tok, tag) for (tok, _), tag in zip(sent, tags, strict=True)])
    return cleaned


def _write_ner_json(sentences: Sequence[list[tuple[str, str]]], path: Path) -> None:
    data = [[{"text": tok, "ner": tag} for tok, tag in sent] for sent in sentences]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def read_ner_json(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of a NER json file (``_write_ner_json``'s format, also ``tasks.build.silver``'s)."""
    return [[(w["text"], w["ner"]) for w in sent] for sent in json.loads(path.read_text(encoding="utf-8"))]


def prepare_ner(
    aqmar_dir: Path,
    out: Path,
    anercorp_test: Path | None = None,
    limit: int | None = None,
    seed: int = SEED,
    silver: Path | None = None,
    aqmar_repeat: int = 1,
    name_swap_copies: int = 0,
    name_source: Path | None = None,
) -> dict[str, int]:
    """AQMAR → shuffled train/dev/test NER json (80/10/10); ANERcorp test → evaluation json only.

    With ``silver`` (a folder of ``tasks.build.silver``), its news sentences join train and dev (the test
    set stays AQMAR's, comparable across models); ``aqmar_repeat`` copies of AQMAR's train sentences keep
    the hand-labelled data from being outweighed by the larger silver set; ``name_swap_copies`` more copies of each
    silver training sentence with a person get other names (``tasks.build.name_swap``; ``name_source``: the
    Wikidata tokens file or a git directory holding it, as for ``tasks.build.name_words``)."""
    out.mkdir(parents=True, exist_ok=True)
    sentences: list[list[tuple[str, str]]] = []
    for f in sorted(aqmar_dir.glob("*.txt")):
        sentences.extend(read_bio(f))
    rng = random.Random(seed)
    rng.shuffle(sentences)
    if limit:
        sentences = sentences[:limit]
    n = len(sentences)
    n_test = n_dev = max(1, n // 10)
    parts = {
        "test": sentences[:n_test],
        "dev": sentences[n_test : n_test + n_dev],
        "train": sentences[n_test + n_dev :],
    }
    counts: dict[str, int] = {}
    if silver is not None:
        s_train = read_ner_json(silver / "silver.train.json")
        s_dev = read_ner_json(silver / "silver.dev.json")
        if limit:
            s_train, s_dev = s_train[:limit], s_dev[: max(1, limit // 10)]
        counts |= {"aqmar_train": len(parts["train"]), "aqmar_repeat": aqmar_repeat, "silver_train": len(s_train),
                   "silver_dev": len(s_dev)}  # fmt: skip
        if name_swap_copies:
            from tasks.build.name_swap import augment
            from tasks.build.name_words import DEFAULT_SOURCE, read_source
            from tasks.text.clitics import lexicon_count

            source = Path(name_source or DEFAULT_SOURCE)
            if not source.exists():
                raise TrainingError(
                    "the Wikidata person-name words for the NER's name swap are missing",
                    fix="fetch github:steveash/NETransliteration-COLING2018 (its .git directory or the file "
                    "data/wd_arabic.normalized.aligned.tokens) and pass it: python -m flows.train_models "
                    "--name-source <path>",
                    path=source,
                )
            swapped, swap_counts = augment(s_train, read_source(source), name_swap_copies, seed, lexicon_count)
            counts |= swap_counts
            s_train = s_train + swapped
        train = parts["train"] * aqmar_repeat + s_train
        rng.shuffle(train)
        parts["train"] = train
        parts["dev"] = parts["dev"] + s_dev
    for name, part in parts.items():
        _write_ner_json(part, out / f"ner.{name}.json")
    counts |= {name: len(part) for name, part in parts.items()}
    if anercorp_test is not None and anercorp_test.exists():
        aner = read_bio(anercorp_test)
        if limit:
            aner = aner[:limit]
        _write_ner_json(aner, out / "ner.anercorp_test.json")
        counts["anercorp_test"] = len(aner)
    return counts


def news_sentences(corpus_gz: Path, limit_docs: int | None = None) -> Iterator[list[str]]:
    """Tokenised lines of the news corpus (words and punctuation; clitics stay attached as in NER input)."""
    with gzip.open(corpus_gz, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit_docs is not None and i >= limit_docs:
                break
            art = json.loads(line)
            for para in f"{art.get('title', '')}\n{art.get('text', '')}".split("\n"):
                toks = _TOKEN_RE.findall(para)
                if toks:
                    yield toks


def train_word_vectors(
    corpus_gz: Path,
    out_pt: Path,
    dim: int = 100,
    max_vocab: int = 50000,
    epochs: int = 5,
    min_count: int = 3,
    limit_docs: int | None = None,
    seed: int = SEED,
) -> dict[str, float]:
    """word2vec on the news corpus, saved in stanza's pretrain format (one thread: reproducible)."""
    from gensim.models import Word2Vec
    from stanza.models.common.pretrain import Pretrain

    start = time.time()
    sentences = list(news_sentences(corpus_gz, limit_docs))
    model = Word2Vec(
        sentences=sentences,
        vector_size=dim,
        window=5,
        min_count=min_count,
        workers=1,
        epochs=epochs,
        seed=seed,
        sg=1,
    )
    words = model.wv.index_to_key[:max_vocab]
    out_pt.parent.mkdir(parents=True, exist_ok=True)
    txt = out_pt.with_suffix(".vec.txt")
    with open(txt, "w", encoding="utf-8") as f:
        f.write(f"{len(words)} {dim}\n")
        for w in words:
            f.write(w + " " + " ".join(f"{x:.5f}" for x in model.wv[w]) + "\n")
    if out_pt.exists():
        out_pt.unlink()
    Pretrain(str(out_pt), str(txt), max_vocab=max_vocab + 10).load()
    txt.unlink()
    return {
        "tokens": float(sum(len(s) for s in sentences)),
        "vocab": float(len(words)),
        "seconds": round(time.time() - start, 1),
    }


def build_lexicon(corpus_gz: Path, out: Path, min_count: int = 2, limit_docs: int | None = None) -> dict[str, float]:
    """Word counts of the news corpus (same tokenisation as the vectors), for the clitic back-off."""
    counts: Counter[str] = Counter()
    for toks in news_sentences(corpus_gz, limit_docs):
        counts.update(t for t in toks if any(ch.isalpha() for ch in t))
    out.parent.mkdir(parents=True, exist_ok=True)
    kept = sorted(((w, n) for w, n in counts.items() if n >= min_count), key=lambda wn: (-wn[1], wn[0]))
    data = "".join(f"{w}\t{n}\n" for w, n in kept).encode("utf-8")
    out.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # mtime 0: byte-identical reruns
    return {"words": float(len(kept)), "tokens": float(sum(counts.values()))}


def prepare_charlm_text(
    corpus_gz: Path, out: Path, excluded_ids: set[str] | None = None, dev_every: int = 50,
    limit_docs: int | None = None,
) -> dict[str, int]:  # fmt: skip
    """Raw news text for the character language models: ``charlm.train.txt`` and ``charlm.dev.txt`` (every
    ``dev_every``-th article), one paragraph a line, as the articles give it. ``excluded_ids``: corpus ids never
    trained on (the gold and check-set articles, ``tasks.build.silver.exclusions``), unlabelled text or not."""
    out.mkdir(parents=True, exist_ok=True)
    excluded_ids = excluded_ids or set()
    counts = Counter[str]()
    with (
        gzip.open(corpus_gz, "rt", encoding="utf-8") as f,
        open(out / "charlm.train.txt", "w", encoding="utf-8") as train,
        open(out / "charlm.dev.txt", "w", encoding="utf-8") as dev,
    ):
        for i, line in enumerate(f):
            if limit_docs is not None and i >= limit_docs:
                break
            art = json.loads(line)
            if str(art.get("id", "")) in excluded_ids:
                counts["excluded"] += 1
                continue
            part, name = (dev, "dev") if i % dev_every == dev_every - 1 else (train, "train")
            paras = [p.strip() for p in f"{art.get('title', '')}\n{art.get('text', '')}".split("\n") if p.strip()]
            part.write("".join(p + "\n" for p in paras))
            counts[f"{name}_articles"] += 1
            counts[f"{name}_chars"] += sum(len(p) + 1 for p in paras)
    return dict(counts)


def train_charlm(
    text: Path, models: Path, work: Path, direction: str, epochs: int = 1, hidden: int = 256, seed: int = SEED
) -> float:
    """One direction of stanza's character language model (the NER reads both): ``hidden`` 256 units, not
    stanza's 1,024, so that an epoch over the news corpus takes about 11 minutes on one core (README, «Models»);
    characters seen fewer than 5 times are unknown (stanza's default cutoff of 1,000 assumes a far larger corpus)."""
    out = models / CHARLM_FILES[direction]
    save_dir = work / "charlm"
    secs = run_stanza_module(
        "stanza.models.charlm",
        [
            "--train_file", str(text / "charlm.train.txt"), "--eval_file", str(text / "charlm.dev.txt"),
            "--shorthand", CHARLM_SHORTHAND, "--direction", direction, "--mode", "train",
            "--char_hidden_dim", str(hidden), "--epochs", str(epochs), "--cutoff", "5",
            "--save_dir", str(save_dir), "--save_name", out.name, "--vocab_save_name", f"vocab_{direction}.pt",
            "--no_checkpoint", "--seed", str(seed),
        ],
        work / "logs" / f"charlm_{direction}.log",
    )  # fmt: skip
    _require(save_dir / out.name, f"charlm {direction}")
    models.mkdir(parents=True, exist_ok=True)
    shutil.copy2(save_dir / out.name, out)
    return secs


# --------------------------------------------------------------------------- running stanza trainers


def run_stanza_module(module: str, args: list[str], log_path: Path, threads: int = 1) -> float:
    """Run one stanza training module in a subprocess with a thread cap; return wall seconds."""
    env = dict(os.environ)
    env.update(
        OMP_NUM_THREADS=str(threads),
        MKL_NUM_THREADS=str(threads),
        PYTHONHASHSEED="0",
        STANZA_RESOURCES_DIR=str(log_path.parent / "stanza_resources"),
        HF_HUB_OFFLINE="1",
    )
    log_path.parent.mkdir(parents=True, exist_ok=True)
    start = time.time()
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.run(
            [sys.executable, "-m", module, *args], stdout=log, stderr=subprocess.STDOUT, env=env, check=False
        )
    if proc.returncode != 0:
        tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise TrainingError(
            f"{module} failed (exit {proc.returncode}); see {log_path}:\n{tail}",
            fix=f"read the end of {log_path} (above) for the cause, correct it, and run the training again.",
            path=log_path,
        )
    return round(time.time() - start, 1)


def _require(path: Path, step: str) -> Path:
    if not path.exists():
        raise TrainingError(
            f"{step}: expected model file {path} was not written; see the step's log",
            fix=f"read the {step} step's log in the work folder for why stanza saved no model, then train again.",
            path=path,
        )
    return path


def train_tokenizer(data: Path, models: Path, work: Path, steps: int = 8000, seed: int = SEED) -> float:
    out = models / "tokenize.pt"
    secs = run_stanza_module(
        "stanza.models.tokenizer",
        [
            "--txt_file", str(data / "ud.train.txt"),
            "--label_file", str(data / "ud.train.toklabels"),
            "--mwt_json_file", str(data / "ud.train.mwt.json"),
            "--dev_txt_file", str(data / "ud.dev.txt"),
            "--dev_label_file", str(data / "ud.dev.toklabels"),
            "--dev_conll_gold", str(data / "ud.dev.conllu"),
            "--conll_file", str(work / "tokenize.dev.pred.conllu"),
            "--lang", "ar", "--shorthand", "ar_pud",
            "--steps", str(steps), "--eval_steps", str(max(2, min(200, steps // 4))),
            "--save_dir", str(models), "--save_name", out.name, "--seed", str(seed),
        ],
        work / "logs" / "tokenize.log",
    )  # fmt: skip
    _require(out, "tokenizer")
    return secs


def train_mwt(data: Path, models: Path, work: Path, epochs: int = 30, seed: int = SEED) -> float:
    out = models / "mwt.pt"
    secs = run_stanza_module(
        "stanza.models.mwt_expander",
        [
            "--train_file", str(data / "ud.train.conllu"),
            "--eval_file", str(data / "ud.dev.conllu"),
            "--output_file", str(work / "mwt.dev.pred.conllu"),
            "--gold_file", str(data / "ud.dev.conllu"),
            "--lang", "ar", "--shorthand", "ar_pud", "--num_epoch", str(epochs),
            "--save_dir", str(models), "--save_name", out.name, "--seed", str(seed),
        ],
        work / "logs" / "mwt.log",
    )  # fmt: skip
    _require(out, "mwt")
    return secs


def train_ner(
    data: Path, models: Path, work: Path, pretrain: Path, steps: int = 3000, seed: int = SEED,
    charlm: bool = False,
) -> float:  # fmt: skip
    """stanza's NER tagger; with ``charlm`` it also reads the two character language models of ``models``."""
    out = models / "ner.pt"
    charlm_args = (
        ["--charlm", "--charlm_shorthand", CHARLM_SHORTHAND,
         "--charlm_forward_file", str(_require(models / CHARLM_FILES["forward"], "charlm forward")),
         "--charlm_backward_file", str(_require(models / CHARLM_FILES["backward"], "charlm backward"))]
        if charlm else []
    )  # fmt: skip
    secs = run_stanza_module(
        "stanza.models.ner_tagger",
        [
            "--train_file", str(data / "ner.train.json"),
            "--eval_file", str(data / "ner.dev.json"),
            "--wordvec_pretrain_file", str(pretrain),
            "--shorthand", "ar_aqmar", "--mode", "train",
            "--max_steps", str(steps), "--eval_interval", str(max(2, min(500, steps // 6))),
            "--save_dir", str(models), "--save_name", out.name, "--seed", str(seed), *charlm_args,
        ],
        work / "logs" / "ner.log",
    )  # fmt: skip
    _require(out, "ner")
    return secs


def train_pos(
    data: Path, models: Path, work: Path, pretrain: Path, steps: int = 500, seed: int = SEED
) -> float:
    out = models / "pos.pt"
    secs = run_stanza_module(
        "stanza.models.tagger",
        [
            "--train_file", str(data / "ud.train.conllu"),
            "--eval_file", str(data / "ud.dev.conllu"),
            "--output_file", str(work / "pos.dev.pred.conllu"),
            "--wordvec_pretrain_file", str(pretrain),
            "--lang", "ar", "--shorthand", "ar_pud", "--batch_size", "25",
            "--max_steps", str(steps), "--eval_interval", str(max(2, min(100, steps // 4))),
            "--save_dir", str(models), "--save_name", out.name, "--seed", str(seed),
        ],
        work / "logs" / "pos.log",
    )  # fmt: skip
    _require(out, "pos")
    return secs


def train_lemma(data: Path, models: Path, work: Path, epochs: int = 30, seed: int = SEED) -> float:
    out = models / "lemma.pt"
    secs = run_stanza_module(
        "stanza.models.lemmatizer",
        [
            "--train_file", str(data / "ud.train.conllu"),
            "--eval_file", str(data / "ud.dev.conllu"),
            "--output_file", str(work / "lemma.dev.pred.conllu"),
            "--shorthand", "ar_pud", "--num_epoch", str(epochs),
            "--save_dir", str(models), "--save_name", out.name, "--seed", str(seed),
        ],
        work / "logs" / "lemma.log",
    )  # fmt: skip
    _require(out, "lemma")
    return secs


# --------------------------------------------------------------------------- held-out evaluation


def _bio_spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    spans: set[tuple[int, int, str]] = set()
    start, label = -1, ""
    for i, t in enumerate([*tags, "O"]):
        t = {"S": "B", "E": "I"}.get(t[:1], t[:1]) + t[1:] if t != "O" else t
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != label):
            if start >= 0:
                spans.add((start, i, label))
            start, label = (i, t[2:]) if t != "O" else (-1, "")
    return spans


def ner_span_scores(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, float]:
    """Micro P/R/F1 over exact (start, end, type) spans, as in CoNLL NER scoring."""
    tp = n_gold = n_pred = 0
    for g, p in zip(gold, pred, strict=True):
        gs, ps = _bio_spans(g), _bio_spans(p)
        tp += len(gs & ps)
        n_gold += len(gs)
        n_pred += len(ps)
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4)}


def evaluate_ner(models: Path, json_path: Path) -> dict[str, float]:
    """Tag pretokenised held-out sentences with the trained NER model and score spans."""
    from tasks.nlp.models import ModelConfig, build_pipeline

    nlp = build_pipeline(ModelConfig(models_dir=models), processors="tokenize,ner", pretokenized=True)
    sents = json.loads(json_path.read_text(encoding="utf-8"))
    gold = [[w["ner"] for w in s] for s in sents]
    doc = nlp([[w["text"] for w in s] for s in sents])
    pred = [[t.ner for t in s.tokens] for s in doc.sentences]
    return ner_span_scores(gold, pred) | {"sentences": float(len(sents))}


Unit = tuple[int, int, int, str]  # (start, end) in the non-space character stream, word index, form


def _gold_units(conllu: Path) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[Unit, str, str]]]:
    """Tokens, sentences and words (with UPOS and lemma) of a gold CoNLL-U file, in character space."""
    tokens, sents, words = [], [], []
    pos = 0
    for sent in _read_token_groups(conllu):
        s_start = pos
        for surface, parts in sent:
            end = pos + len("".join(surface.split()))
            tokens.append((pos, end))
            for k, (form, upos, lemma) in enumerate(parts):
                words.append(((pos, end, k, form), upos, lemma))
            pos = end
        sents.append((s_start, pos))
    return tokens, sents, words


def _read_token_groups(conllu: Path) -> list[list[tuple[str, list[tuple[str, str, str]]]]]:
    out: list[list[tuple[str, list[tuple[str, str, str]]]]] = []
    for s in read_conllu(conllu):
        groups: list[tuple[str, list[tuple[str, str, str]]]] = []
        mwt_end = -1
        for r in s.rows:
            if "-" in r[0]:
                mwt_end = int(r[0].split("-")[1])
                groups.append((r[1], []))
            elif "." in r[0]:
                continue
            elif int(r[0]) <= mwt_end:
                groups[-1][1].append((r[1], r[3], r[2]))
            else:
                groups.append((r[1], [(r[1], r[3], r[2])]))
        out.append(groups)
    return out


def _system_units(doc: Any) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[Unit, str, str]]]:
    tokens, sents, words = [], [], []
    pos = 0
    for sent in doc.sentences:
        s_start = pos
        for tok in sent.tokens:
            end = pos + len("".join(tok.text.split()))
            tokens.append((pos, end))
            for k, w in enumerate(tok.words):
                words.append(((pos, end, k, w.text), w.upos or "_", w.lemma or "_"))
            pos = end
        sents.append((s_start, pos))
    return tokens, sents, words


def _f1(tp: int, n_gold: int, n_sys: int) -> float:
    return round(200.0 * tp / (n_gold + n_sys), 2) if n_gold + n_sys else 0.0


def evaluate_ud(models: Path, data: Path, processors: str) -> dict[str, float]:
    """Run the trained pipeline on raw held-out text; F1 of tokens, sentences, words, UPOS and lemmas
    over character-aligned units (as the CoNLL 2018 scorer counts them, without its MWT alignment)."""
    from tasks.nlp.models import ModelConfig, build_pipeline

    nlp = build_pipeline(ModelConfig(models_dir=models), processors=processors)
    doc = nlp((data / "ud.test.txt").read_text(encoding="utf-8"))
    g_tok, g_sent, g_words = _gold_units(data / "ud.test.conllu")
    s_tok, s_sent, s_words = _system_units(doc)
    result = {
        "tokens": _f1(len(set(g_tok) & set(s_tok)), len(g_tok), len(s_tok)),
        "sentences": _f1(len(set(g_sent) & set(s_sent)), len(g_sent), len(s_sent)),
    }
    gold_w = {u: (upos, lemma) for u, upos, lemma in g_words}
    sys_w = {u: (upos, lemma) for u, upos, lemma in s_words}
    matched = set(gold_w) & set(sys_w)
    result["words"] = _f1(len(matched), len(gold_w), len(sys_w))
    if "pos" in processors:
        tp = sum(gold_w[u][0] == sys_w[u][0] for u in matched)
        result["upos"] = _f1(tp, len(gold_w), len(sys_w))
    if "lemma" in processors:
        tp = sum(gold_w[u][1] == sys_w[u][1] for u in matched)
        result["lemmas"] = _f1(tp, len(gold_w), len(sys_w))
    return result


def file_sizes(models: Path) -> dict[str, float]:
    return {p.name: round(p.stat().st_size / 1e6, 2) for p in sorted(models.glob("*.pt"))}


def install_models(staging: Path, dest: Path, remove: Sequence[str] = ()) -> None:
    """Move finished models into place only after every step succeeded (no half-trained bundle); ``remove``:
    files of an older bundle the new one must not have (the charlms of a NER now trained without them)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in remove:
        (dest / name).unlink(missing_ok=True)
    for p in [*staging.glob("*.pt"), *staging.glob("*.tsv.gz")]:
        shutil.copy2(p, dest / (p.name + ".tmp"))
        os.replace(dest / (p.name + ".tmp"), dest / p.name)


def label_counts(json_path: Path) -> Counter[str]:
    sents = json.loads(json_path.read_text(encoding="utf-8"))
    return Counter(w["ner"][2:] for s in sents for w in s if w["ner"].startswith("B-"))
