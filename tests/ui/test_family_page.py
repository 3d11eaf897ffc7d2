"""The Family view on its own: written to the family from the plan, no maker tasks, positions only when shared."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.ui.support import assert_ok, has_widget, key, new_assessment, start_app, switch_page
from vigil.render import DocumentInput


def _texts(at) -> str:  # type: ignore[no-untyped-def]
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "text") for e in getattr(at, kind)]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


def test_the_family_view_speaks_to_the_family_and_offers_the_summary(
        tiny_checklists: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vigil.ui import documents

    made: list[bool] = []

    def fake_family(inp: DocumentInput) -> bytes:
        made.append(inp.share_positions)
        return b"%PDF-fake"

    monkeypatch.setitem(documents.RENDERERS, "family", fake_family)
    at = start_app()
    new_assessment(at)
    at.radio(key=key(at, "q", "medium")).set_value("voice").run()
    switch_page(at, "family").run()
    assert_ok(at)
    shown = _texts(at)
    assert "To the family of the person" in shown
    assert "What is planned" in shown and "not yet decided" in shown
    assert "No. A no needs no reason." in shown
    assert "Label it." not in shown and "A voice clone must be labelled." not in shown  # no maker tasks
    assert "Helpline EN" in shown
    at.toggle(key="vigil.family.share_positions").set_value(True).run()
    at.button(key="vigil.docs.make.family").click().run()
    assert_ok(at)
    assert made == [True]
    assert has_widget(at, "download_button", "vigil.docs.dl.family")
