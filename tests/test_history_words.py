"""A figure's history in the page's language: values in words and digits, ids by name."""

from __future__ import annotations

from indicators import formatting
from indicators.charts import Names
from loaders import load_path
from tests.conftest import FROZEN
from views.components import _named


def test_a_history_line_names_what_the_file_writes_as_codes() -> None:
    dataset = load_path(FROZEN).dataset
    indicator, source = dataset.indicators[0], dataset.sources[0]
    names = Names(dataset.dimensions)
    assert _named(dataset, names, "ar", "indicator", indicator.id) == indicator.label["ar"]
    assert _named(dataset, names, "ar", "source", source.id) == (
        source.publisher or source.title or source.id)
    assert _named(dataset, names, "ar", "breakdown", "campaign: 2014") == "الحملة الأولى (2014)"
    assert _named(dataset, names, "fr", "indicator", "gone") == "gone"  # removed since
    assert _named(dataset, names, "fr", "quote", "23 096 demandes") == "23 096 demandes"


def test_a_change_says_its_values_in_the_page_language() -> None:
    assert formatting.change("qualifier", "", "more_than", "ar") == "طبيعة الرقم: — → أكثر من"
    assert formatting.change("rounded", "False", "True", "fr") == "Arrondi\u202f: non → oui"
    assert formatting.change("value", "23096", "23097.0", "fr") == (
        "Valeur\u202f: 23\u202f096 → 23\u202f097")
    assert formatting.change("period", "", "2014/2015", "en") == "Period: — → 2014 – 2015"


def test_a_breakdown_is_read_back_as_the_history_writes_it() -> None:
    from loaders.history import _text, breakdown_parts

    written = _text({"country": "SN", "campaign": "2014"})
    assert breakdown_parts(written) == [("campaign", "2014"), ("country", "SN")]
