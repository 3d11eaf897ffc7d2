"""Steps, language choice, escaping, the saved-assessment list and the chart data."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.support.tiny import TODAY, assessment, complete_fine, tiny_checklist
from vigil.engine import evaluate
from vigil.i18n import t
from vigil.models.assessment import Answer
from vigil.models.common import VerdictId
from vigil.models.results import DimensionStatus
from vigil.store.queue import QueueRow
from vigil.ui import chart, language, listing, steps
from vigil.ui.text import WORD_JOINER, md_escape, shorten


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


HOSTILE_MARKDOWN = [
    '#read("/etc/passwd")', "*x* $y$ <z>", "<script>alert(1)</script>", "\u202eevil", ":red[alarm]",
    "[link](http://x)", "# heading", "1. list", "a\\b", ":material/warning: now", "see www.example.org",
    "HTTPS://example.com/x", "write to a.b@example.de", "&#58; stays", "ftp://x mailto:y",
]


@pytest.mark.parametrize("hostile", HOSTILE_MARKDOWN)
def test_md_escape_leaves_no_markup(hostile: str) -> None:
    escaped = md_escape(hostile)
    bare = escaped.replace("&#58;", "")  # the colon's character reference is ours
    for ch in "*$<>[]#`_:":
        assert f"{ch}" not in bare.replace(f"\\{ch}", "")
    shown = escaped.replace("&#58;", ":").replace(WORD_JOINER, "").replace("\\", "")
    assert shown == hostile.replace("\\", "")


@pytest.mark.parametrize("hostile", HOSTILE_MARKDOWN)
def test_md_escape_leaves_nothing_streamlit_turns_into_a_link_or_an_icon(hostile: str) -> None:
    shown = md_escape(hostile).replace("\\", "")  # what Markdown leaves as text, before Streamlit's own passes
    assert re.search(r"(?i)(https?|ftp|mailto)://|www\.|@\w", shown) is None
    assert re.search(r":[a-z]+/", shown) is None  # :material/...: and the like


def test_shorten() -> None:
    assert shorten("a  b\nc") == "a b c"
    assert shorten("x" * 100, 10) == "x" * 9 + "…"


def test_the_person_is_named_through_the_bindings() -> None:
    c = tiny_checklist().model_copy(update={"documents": tiny_checklist().documents.model_copy(
        update={"person_name": "voice_lines"})})
    assert listing.person_name(c, assessment(voice_lines=Answer(text=" Anna "))) == "Anna"
    assert listing.person_name(c, assessment(voice_lines=Answer(dont_know=True))) == ""


def test_the_queue_query_follows_the_choices_and_ignores_stale_values() -> None:
    from vigil.store.queue import Sort, Waiting

    q = listing.query(listing.Choices(search=" Jürgen ", verdicts=("stop", "bogus"), waiting=("due",),
                                      sort="due", size=50, page=2))
    assert q.search == " Jürgen " and q.sort == Sort.due and q.waiting == frozenset({Waiting.due})
    assert {v.value for v in q.verdicts} == {"stop"}
    assert (q.offset, q.limit) == (100, 50)
    odd = listing.query(listing.Choices(size=10_000, sort="nonsense", page=-3))
    assert (odd.offset, odd.limit, odd.sort) == (0, 25, Sort.updated)
    assert listing.page_count(0, 25) == 1 and listing.page_count(51, 25) == 3


def _row(title: str = "Farewell", reference: str = "K-1") -> QueueRow:
    return QueueRow(id="x", title=title, reference=reference, revision=1, verdict=VerdictId.ready, answered=3,
                    required=4, not_asked=0, next_due=dt.date(2026, 12, 24),
                    updated=dt.datetime(2026, 12, 2, 12, 5, tzinfo=dt.UTC))


def test_the_queue_shows_dates_in_the_users_form_and_gives_the_table_values_to_sort() -> None:
    row = _row()
    local = row.updated.astimezone()
    de = listing.details(lambda key, **p: t("de", key, **p), "de", row)
    assert any("24.12.2026" in line for line in de) and any(f"02.12.2026 {local:%H:%M}" in line for line in de)
    assert not any("2026-12" in line for line in de)
    en = listing.details(lambda key, **p: t("en", key, **p), "en", row)
    assert any("24/12/2026" in line for line in en)
    cells = listing.cells(lambda key, **p: t("en", key, **p), row)
    assert cells[4] == dt.date(2026, 12, 24)
    assert cells[5] == local.replace(tzinfo=None)


@pytest.mark.parametrize("hostile", ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_no_cell_of_the_queue_table_is_a_spreadsheet_formula(hostile: str) -> None:
    cells = listing.cells(lambda key, **p: t("en", key, **p), _row(hostile, hostile))
    assert cells[0] == cells[1] == "'" + hostile
    plain = listing.cells(lambda key, **p: t("en", key, **p), _row("Anna = Oma", "K-2"))
    assert plain[:2] == ["Anna = Oma", "K-2"]


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
