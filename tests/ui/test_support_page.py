"""The Support page offers support for where the open assessment's family lives (the shipped checklist)."""

from __future__ import annotations

from tests.ui.test_app_flows import texts
from tests.ui.test_pages_alone import _alone, _opened
from vigil.models.assessment import Answer


def test_support_follows_where_the_family_lives_not_only_the_language() -> None:
    state = _opened(heirs_live=Answer(choices=["at"]))
    state.lang = "de"
    shown = texts(_alone("support", state))
    assert "TelefonSeelsorge Österreich" in shown
    assert "TelefonSeelsorge Deutschland" not in shown


def test_with_nothing_open_the_language_decides() -> None:
    shown = texts(_alone("support"))
    assert "Samaritans" in shown and "TelefonSeelsorge" not in shown
