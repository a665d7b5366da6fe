"""kb/iso3166.tsv is what ``python -m tasks.build.iso3166`` writes from CLDR, so the committed table is current."""

import pytest

from tasks.build.iso3166 import OUTPUT, iso_pairs, render


def test_the_committed_table_is_the_builders_output():
    pytest.importorskip("babel")
    rows = iso_pairs()
    assert OUTPUT.read_text(encoding="utf-8") == render(rows), "kb/iso3166.tsv is stale: python -m tasks.build.iso3166"
    assert ("CN", "CHN", "China") in rows and ("YE", "YEM", "Yemen") in rows  # a withdrawn code (YMD) never wins
