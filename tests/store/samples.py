"""Assessments for the store tests, with hostile and multilingual text where text goes."""

from __future__ import annotations

import datetime as dt

from vigil.models.assessment import (
    Answer,
    Assessment,
    ChecklistPin,
    Evidence,
    Meta,
    OpenItem,
    Person,
)

HOSTILE = [
    "'; DROP TABLE assessments; --",
    "Robert'); DELETE FROM assessments WHERE ('1'='1",
    '#read("/etc/passwd")',
    "<script>alert(1)</script>",
    "*bold* $x$ <l> @ref ] #panic(\"x\") [",
    "\u202eevil\u202c reversed",
    "Жанна Дарк — Олександр",
    "محمد عبد الله",
    "王小明 李华",
    "Jürgen Groß, Zoë, François",
    "\\u0000 is only text here, and so is \\\\",
    "tab\tnew\nline\r\nend",
    "👩‍👩‍👧 🕯️",
    "%s %(name)s {0} {name} ${x} :param ?",
]


def sample(title: str = "Grandma's farewell clip", marker: str = "") -> Assessment:
    """A realistic assessment: answers of every kind, people, evidence, an open item."""
    return Assessment(
        checklist=ChecklistPin(id="tiny", version="2026.1"),
        meta=Meta(title=title, assessor=f"Assessor {marker}".strip(), language="de"),
        answers={
            "medium": Answer(choice="voice"),
            "platforms": Answer(choices=["youtube", "tiktok"]),
            "voice_lines": Answer(text=f"She would say: good night {marker}", note="from old voicemails"),
            "age_at_death": Answer(number=81.5),
            "died_on": Answer(date=dt.date(2024, 3, 1)),
            "consent": Answer(dont_know=True, note="ask Aunt Marta"),
            "relatives": Answer(people=[
                Person(values={"name": f"Marta {marker}".strip(), "position": "agrees"}),
                Person(values={"name": "Jonas", "position": "objects", "note": None}),
            ]),
            "forbade": Answer(choice="no", evidence=[
                Evidence(file_name="letter.pdf", sha256="ab" * 32, date=dt.date(2020, 1, 2),
                         description="Her letter"),
            ]),
        },
        open_items={"consent": OpenItem(question_id="consent", what="Did she agree?", who="Marta",
                                        due=dt.date(2026, 12, 24))},
    )


def hostile_sample() -> Assessment:
    a = sample(title=HOSTILE[0])
    a.meta.assessor = HOSTILE[5]
    for i, text in enumerate(HOSTILE):
        a.answers[f"q_{i}"] = Answer(text=text, note=text)
    a.answers["relatives"] = Answer(people=[Person(values={"name": text}) for text in HOSTILE])
    a.answers["long"] = Answer(text="Лорем ипсум " * 4000)  # ~48,000 characters, overflow pages
    a.answers[HOSTILE[4]] = Answer(text="a question id that looks like markup")
    return a
