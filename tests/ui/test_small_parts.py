"""Steps, language choice, escaping, the saved-assessment list and the chart data."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support.tiny import TODAY, assessment, complete_fine, tiny_checklist
from tests.ui.support import MemoryStore
from vigil.engine import evaluate
from vigil.models.assessment import Answer
from vigil.models.results import DimensionStatus
from vigil.ui import chart, language, listing, steps
from vigil.ui.text import md_escape, shorten


@pytest.mark.parametrize(("stored", "expected"), [
    (None, "a"), ("b", "b"), ("c", "d"), ("e", "d"), ("unknown", "a"),
])
def test_current_section_moves_to_a_visible_one(stored: str | None, expected: str) -> None:
    assert steps.current_section(["a", "b", "d"], ["a", "b", "c", "d", "e"], stored) == expected


def test_neighbours() -> None:
    assert steps.neighbours(["a", "b", "c"], "a") == (None, "b")
    assert steps.neighbours(["a", "b", "c"], "c") == ("b", None)
    assert steps.current_section([], ["a"], "a") is None


@pytest.mark.parametrize(("cookie", "locale", "expected"), [
    ("de", "en-US", "de"), (None, "de-AT", "de"), (None, "de_CH", "de"), ("xx", "fr-FR", "en"),
    (None, None, "en"), ("en", "de-DE", "en"),
])
def test_initial_language(cookie: str | None, locale: str | None, expected: str) -> None:
    assert language.initial_language(cookie, locale) == expected


def test_cookie_script_only_takes_known_languages() -> None:
    assert "vigil_lang=de;" in language.cookie_script("de")
    assert "SameSite=Strict" in language.cookie_script("de")
    with pytest.raises(ValueError):
        language.cookie_script("de'; alert(1); '")


@pytest.mark.parametrize("hostile", [
    '#read("/etc/passwd")', "*x* $y$ <z>", "<script>alert(1)</script>", "\u202eevil", ":red[alarm]",
    "[link](http://x)", "# heading", "1. list", "a\\b",
])
def test_md_escape_leaves_no_markup(hostile: str) -> None:
    escaped = md_escape(hostile)
    for ch in "*$<>[]#`_:":
        assert f"{ch}" not in escaped.replace(f"\\{ch}", "")
    assert escaped.replace("\\", "") == hostile.replace("\\", "")


def test_shorten() -> None:
    assert shorten("a  b\nc") == "a b c"
    assert shorten("x" * 100, 10) == "x" * 9 + "…"


def test_summary_names_the_person_through_the_bindings() -> None:
    c = tiny_checklist().model_copy(update={"documents": tiny_checklist().documents.model_copy(
        update={"person_name": "voice_lines"})})
    a = assessment(voice_lines=Answer(text=" Anna "), **complete_fine())
    s = listing.summarize(a, c, TODAY)
    assert s.person == "Anna"
    assert (s.answered, s.required) == (evaluate(c, a, TODAY).progress.answered, 5)
    assert listing.summarize(a, None, TODAY).verdict is None


def test_summaries_skip_rows_deleted_meanwhile() -> None:
    from vigil.catalog import Catalog

    store = MemoryStore()
    c = tiny_checklist()
    kept = store.create(assessment(**complete_fine()))
    gone = store.create(assessment())
    rows = store.list()
    store.delete(gone.id)
    out = listing.summaries(store, Catalog({(c.id, c.version): c}), rows, dt.date(2026, 11, 22))
    assert [s.id for s in out] == [kept.id]
    assert out[0].verdict is not None and out[0].verdict.value == "ready"


def test_chart_rows_and_spec_use_the_muted_palette() -> None:
    c = tiny_checklist()
    ev = evaluate(c, assessment(**complete_fine()), TODAY)
    rows = chart.dimension_rows(c, ev, "de")
    assert [r.title for r in rows] == ["DE: Wishes", "DE: Family", "DE: Media"]
    spec = chart.status_chart(rows, "de").to_dict()
    colours = {v for layer in spec["layer"] for v in
               layer.get("encoding", {}).get("color", {}).get("scale", {}).get("range", [])}
    assert colours and colours <= set(chart.PALETTE.values())
    for colour in chart.PALETTE.values():
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        assert not (r > 180 and g < 90 and b < 90), f"{colour} is an alarm red"
    assert DimensionStatus.stop in chart.PALETTE


def test_streamlit_config_is_private_and_calm() -> None:
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["headless"] is True
    assert config["runner"]["enforceSerializableSessionState"] is True
    assert config["client"]["showErrorDetails"] == "none"
    for name in ("primaryColor", "backgroundColor", "secondaryBackgroundColor", "textColor"):
        colour = config["theme"][name]
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        assert not (r > 180 and g < 90 and b < 90), f"{name} is an alarm red"
