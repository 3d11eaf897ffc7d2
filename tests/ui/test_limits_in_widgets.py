"""No silent truncation: a text at the file format's limit survives being shown in its widget, unchanged.

The widgets take their ``max_chars`` from ``vigil.models.limits``, the same numbers the model and the schema use.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.ui.support import assert_ok, current_section, has_widget, start_app, stored
from vigil.assessment_file import to_json
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Meta, OpenItem, Person
from vigil.models.limits import LONG_TEXT_MAX, SHORT_TEXT_MAX


def _text(n: int, seed: str) -> str:
    return (seed * (n // len(seed) + 1))[:n]


def longest() -> Assessment:
    short, long = _text(SHORT_TEXT_MAX, "Grüße, Ömer! "), _text(LONG_TEXT_MAX, "Лотта — 洛特 — لوتا. ")
    return Assessment(
        checklist=ChecklistPin(id="tiny", version="2026.1"),
        meta=Meta(title=_text(SHORT_TEXT_MAX, "Für Oma Grete "), assessor=_text(SHORT_TEXT_MAX, "Jana ")),
        answers={
            "person_name": Answer(text=short),
            "medium": Answer(choice="voice", note=long),
            "voice_lines": Answer(text=long),
            "age_at_death": Answer(dont_know=True),
            "died_on": Answer(date=dt.date(2020, 1, 1)),
            "relatives": Answer(people=[Person(values={"name": short, "position": "agrees"})]),
        },
        open_items={"age_at_death": OpenItem(question_id="age_at_death", what=short, who=short)},
    )


def test_texts_at_the_limit_survive_every_section_being_shown(tiny_checklists: Path) -> None:
    original = longest()
    at = start_app()
    uploader = next(u for u in at.file_uploader if u.key and u.key.startswith("vigil.start.upload"))
    uploader.set_value(("longest.json", to_json(original).encode(), "application/json")).run()
    assert_ok(at)
    seen = [current_section(at)]
    while has_widget(at, "button", "vigil.q.next"):
        at.button(key="vigil.q.next").click().run()
        assert_ok(at)
        seen.append(current_section(at))
    assert len(seen) >= 3
    at.run()  # and once more, as a reload would
    after = stored(at)
    assert after.meta.title == original.meta.title
    assert after.meta.assessor == original.meta.assessor
    assert after.answers == original.answers
    assert after.open_items == original.open_items
