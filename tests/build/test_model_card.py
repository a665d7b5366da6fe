"""The model card names the silver news data, its sources and licences only when the NER was trained on it."""

import json

from tasks.build.model_card import write_model_card
from tasks.nlp.models import BUNDLED_DIR


def test_silver_row_and_weakness_follow_the_data_counts(tmp_path):
    card = json.loads((BUNDLED_DIR / "model_card.json").read_text())
    card["data_counts"]["ner"] = {k: v for k, v in card["data_counts"]["ner"].items()
                                  if "silver" not in k and k not in ("swapped_sentences", "name_word_pool")}
    card.pop("silver", None)
    card.pop("ner_retrained", None)
    write_model_card(tmp_path, card)
    plain = (tmp_path / "MODEL_CARD.md").read_text()
    assert "NER, silver news sentences" not in plain and "Wikipedia articles (AQMAR" in plain
    card["data_counts"]["ner"]["silver_train"] = 10
    card["silver"] = {"articles": 3, "kept": 11}
    write_model_card(tmp_path, card)
    text = (tmp_path / "MODEL_CARD.md").read_text()
    assert "NER, silver news sentences" in text and "GeoNames CC BY 4.0" in text and "Wikidata CC0" in text
    assert "Chouigui" in text and "tags nisba adjectives O" in text and '"kept": 11' in text
    assert "name-swapped copies" not in text


def test_name_swap_row_follows_the_data_counts(tmp_path):
    card = json.loads((BUNDLED_DIR / "model_card.json").read_text())
    card["data_counts"]["ner"] = {**card["data_counts"]["ner"], "silver_train": 10, "swapped_sentences": 4}
    write_model_card(tmp_path, card)
    text = (tmp_path / "MODEL_CARD.md").read_text()
    assert "name-swapped copies of the silver sentences" in text and "NETransliteration-COLING2018" in text
